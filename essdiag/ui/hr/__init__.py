"""Tab bodies of the « Ressources humaines » screen (pages/hr.py lays them out)."""
