"""Pydantic validation errors turned into French :class:`Issue` records.

Pydantic reports each problem with a type (``missing``, ``int_parsing``…), a
location and an English message. The user reads French, naming the field by
its label (the model's ``Field(title=...)``), so each built-in type gets a
French template here; custom types (``siren_checksum``) already carry one.
"""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticCustomError
from pydantic_core.core_schema import ErrorType

from essdiag.errors import Issue
from essdiag.i18n import N_, LabelledEnum

__all__ = ["Received", "custom_error", "field_label", "issues_from_validation", "validate_as"]

M = TypeVar("M", bound=BaseModel)

_TEMPLATES: dict[str, str] = {
    "missing": N_("« {label} » est obligatoire et manque."),
    "extra_forbidden": N_("« {label} » n'est pas un champ connu du dossier."),
    "string_type": N_("« {label} » doit être un texte."),
    "string_too_short": N_("« {label} » ne peut pas être vide."),
    "string_too_long": N_("« {label} » est trop long."),
    "string_pattern_mismatch": N_("« {label} » n'a pas le format attendu (reçu : « {input} »)."),
    "int_type": N_("« {label} » doit être un nombre entier (reçu : « {input} »)."),
    "int_parsing": N_("« {label} » doit être un nombre entier (reçu : « {input} »)."),
    "int_from_float": N_("« {label} » doit être un nombre entier (reçu : « {input} »)."),
    "float_type": N_("« {label} » doit être un nombre (reçu : « {input} »)."),
    "float_parsing": N_("« {label} » doit être un nombre (reçu : « {input} »)."),
    "decimal_parsing": N_("« {label} » doit être un nombre (reçu : « {input} »)."),
    "decimal_type": N_("« {label} » doit être un nombre (reçu : « {input} »)."),
    "finite_number": N_("« {label} » doit être un nombre fini (reçu : « {input} »)."),
    "bool_type": N_("« {label} » doit valoir oui ou non (reçu : « {input} »)."),
    "bool_parsing": N_("« {label} » doit valoir oui ou non (reçu : « {input} »)."),
    "greater_than_equal": N_("« {label} » doit être supérieur ou égal à {ge} (reçu : {input})."),
    "greater_than": N_("« {label} » doit être supérieur à {gt} (reçu : {input})."),
    "less_than_equal": N_("« {label} » doit être inférieur ou égal à {le} (reçu : {input})."),
    "less_than": N_("« {label} » doit être inférieur à {lt} (reçu : {input})."),
    "enum": N_("« {label} » doit valoir l'une des valeurs : {expected} (reçu : « {input} »)."),
    "literal_error": N_("« {label} » doit valoir {expected} (reçu : « {input} »)."),
    "date_parsing": N_("« {label} » doit être une date AAAA-MM-JJ (reçu : « {input} »)."),
    "date_from_datetime_parsing": N_(
        "« {label} » doit être une date AAAA-MM-JJ (reçu : « {input} »)."
    ),
    "datetime_parsing": N_("« {label} » doit être une date et heure (reçu : « {input} »)."),
    "model_type": N_("« {label} » doit être un groupe de champs (objet JSON)."),
    "model_attributes_type": N_("« {label} » doit être un groupe de champs (objet JSON)."),
    "dict_type": N_("« {label} » doit être un groupe de champs (objet JSON)."),
    "list_type": N_("« {label} » doit être une liste."),
    # the other pydantic types a dossier file can meet (every field of a sample set wrong)
    "date_type": N_("« {label} » doit être une date AAAA-MM-JJ (reçu : « {input} »)."),
    "date_from_datetime_inexact": N_(
        "« {label} » doit être une date sans heure, AAAA-MM-JJ (reçu : « {input} »)."
    ),
    "date_past": N_("« {label} » doit être une date passée (reçu : « {input} »)."),
    "date_future": N_("« {label} » doit être une date à venir (reçu : « {input} »)."),
    "datetime_type": N_("« {label} » doit être une date et heure (reçu : « {input} »)."),
    "datetime_from_date_parsing": N_(
        "« {label} » doit être une date et heure (reçu : « {input} »)."
    ),
    "datetime_object_invalid": N_("« {label} » n'est pas une date et heure valide."),
    "timezone_naive": N_("« {label} » doit être une date et heure sans fuseau horaire."),
    "timezone_aware": N_("« {label} » doit être une date et heure avec son fuseau horaire."),
    "time_type": N_("« {label} » doit être une heure HH:MM (reçu : « {input} »)."),
    "time_parsing": N_("« {label} » doit être une heure HH:MM (reçu : « {input} »)."),
    "time_delta_type": N_("« {label} » doit être une durée (reçu : « {input} »)."),
    "time_delta_parsing": N_("« {label} » doit être une durée (reçu : « {input} »)."),
    "int_parsing_size": N_("« {label} » est un nombre bien trop grand (reçu : « {input} »)."),
    "too_short": N_("« {label} » doit compter au moins {min_length} élément(s)."),
    "too_long": N_("« {label} » peut compter au plus {max_length} élément(s)."),
    "tuple_type": N_("« {label} » doit être une liste."),
    "set_type": N_("« {label} » doit être une liste."),
    "frozen_set_type": N_("« {label} » doit être une liste."),
    "iterable_type": N_("« {label} » doit être une liste."),
    "set_item_not_hashable": N_("« {label} » contient un élément qui ne peut pas y figurer."),
    "mapping_type": N_("« {label} » doit être un groupe de champs (objet JSON)."),
    "invalid_key": N_("« {label} » contient un nom de champ qui n'est pas un texte."),
    "string_unicode": N_("« {label} » doit être un texte lisible (Unicode)."),
    "string_not_ascii": N_("« {label} » ne doit contenir que des caractères sans accent."),
    "multiple_of": N_("« {label} » doit être un multiple de {multiple_of} (reçu : {input})."),
    "none_required": N_("« {label} » doit rester vide."),
    "is_instance_of": N_("« {label} » n'a pas le type attendu."),
    "union_tag_invalid": N_(
        "« {label} » : le type « {tag} » n'est pas connu (attendu : {expected_tags})."
    ),
    "union_tag_not_found": N_("« {label} » doit dire son type (champ « {discriminator} »)."),
    "url_type": N_("« {label} » doit être une adresse web (reçu : « {input} »)."),
    "url_parsing": N_("« {label} » n'est pas une adresse web valide (reçu : « {input} »)."),
    "url_syntax_violation": N_(
        "« {label} » n'est pas une adresse web valide (reçu : « {input} »)."
    ),
    "url_too_long": N_("« {label} » est une adresse web trop longue."),
    "url_scheme": N_("« {label} » doit commencer par {expected_schemes} (reçu : « {input} »)."),
    "uuid_type": N_("« {label} » doit être un identifiant (UUID) (reçu : « {input} »)."),
    "uuid_parsing": N_("« {label} » doit être un identifiant (UUID) (reçu : « {input} »)."),
    "decimal_max_digits": N_("« {label} » a trop de chiffres (au plus {max_digits})."),
    "decimal_max_places": N_("« {label} » a trop de décimales (au plus {decimal_places})."),
    "decimal_whole_digits": N_(
        "« {label} » a trop de chiffres avant la virgule (au plus {whole_digits})."
    ),
    "bytes_type": N_("« {label} » doit être un texte."),
    "json_invalid": N_("« {label} » n'est pas un JSON valide."),
    "json_type": N_("« {label} » doit être un texte JSON."),
    "recursion_loop": N_("« {label} » se contient lui-même."),
    "frozen_field": N_("« {label} » ne peut pas être modifié."),
    "frozen_instance": N_("« {label} » ne peut pas être modifié."),
    "dataclass_type": N_("« {label} » doit être un groupe de champs (objet JSON)."),
}
_WITH_DETAIL = N_("« {label} » : {detail}")
"""A domain validator's own French reason (``ValueError("le compte doit…")``)."""
_UNKNOWN_TYPE = N_("« {label} » n'est pas valide (reçu : « {input} »).")
_ENGLISH_PREFIXES = ("Value error, ", "Assertion failed, ")
_MORE_ISSUES = N_("… et {count} autres problèmes du même fichier, non détaillés.")
_PYDANTIC_TYPES: frozenset[str] = frozenset(get_args(ErrorType))
_PATTERN_WITH_HINT = N_("« {label} » n'a pas le format attendu : {hint} (reçu : « {input} »).")
_FALLBACK = N_("« {label} » n'est pas valide : {detail}.")

_CUSTOM_TEMPLATES: dict[str, str] = {}
"""code → French template of the domain's own errors, filled by :func:`custom_error`.

Pydantic does not keep a custom error's template in ``errors()``; keeping it
here lets an issue carry the template and its parameters, so the app can show
it translated. Entries are constant strings: the dict only grows, with the same
value per code.
"""


def custom_error(code: str, template: str, params: dict[str, Any]) -> PydanticCustomError:
    """A validation error with a stable code and a French template (marked with N_)."""
    _CUSTOM_TEMPLATES[code] = template
    return PydanticCustomError(code, template, params)


def field_label(model: type[BaseModel], loc: tuple[int | str, ...]) -> str:
    """French label of the field at ``loc``: its title, else its dotted path."""
    return _field_at(model, loc)[0]


def _field_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> tuple[str, str | None]:
    """Label and description (the expected format, when given) of the field at ``loc``."""
    current: Any = model
    label = ".".join(str(p) for p in loc) or "dossier"
    description = None
    for part in loc:
        if isinstance(part, int) or not (
            isinstance(current, type) and issubclass(current, BaseModel)
        ):
            continue
        info = current.model_fields.get(part)
        if info is None:
            return ".".join(str(p) for p in loc), None
        label = info.title or str(part)
        description = info.description
        annotation = info.annotation
        current = _model_in(annotation)
    return label, description


def _model_in(annotation: Any) -> Any:
    """The BaseModel class inside an annotation (``X | None``, ``list[X]``), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


class Received(LabelledEnum):
    """What a message says was received when there was no value at all (JSON ``null``, an empty cell).

    A labelled choice, so the reader's translator writes it (« (vide) », "(empty)"),
    never Python's ``None``.
    """

    EMPTY = "empty", N_("(vide)")


def _short(value: Any, limit: int = 60) -> Any:
    """A value for a message: numbers and dates stay raw (the translator writes them), long text is cut.

    No value reads « (vide) » (:class:`Received`), never Python's ``None``; an
    integer too long to write (Python refuses more than 4,300 digits) is
    described by its length instead.
    """
    if value is None:
        return Received.EMPTY
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        if value.bit_length() > 3 * limit:
            return f"{round(value.bit_length() * 0.30103)} chiffres…"
        return value
    if isinstance(value, float | date):
        return value
    text = str(value)
    return text if len(text) <= limit else text[: limit - 3] + "…"


def issues_from_validation(
    exc: ValidationError,
    model: type[BaseModel],
    *,
    file: str | None = None,
    prefix: tuple[str, ...] = (),
    limit: int | None = None,
) -> list[Issue]:
    """One French :class:`Issue` per pydantic error, coded by the error type.

    With ``limit``, at most that many are detailed and one more issue counts
    the rest (turning an error into an issue costs about 75 µs: ten thousand
    broken rows would otherwise take seconds to report).
    """
    errors = exc.errors(include_url=False)
    issues = [_issue(err, model, file=file, prefix=prefix) for err in errors[:limit]]
    if limit is not None and len(errors) > limit:
        issues.append(
            Issue(
                code="more_issues",
                template=_MORE_ISSUES,
                params={"count": len(errors) - limit},
                file=file,
            )
        )
    return issues


def _issue(err: Any, model: type[BaseModel], *, file: str | None, prefix: tuple[str, ...]) -> Issue:
    """The French issue of one pydantic error."""
    loc = tuple(err["loc"])
    ctx = dict(err.get("ctx") or {})
    kind = err["type"]
    path = ".".join(str(p) for p in (*prefix, *loc))
    label, hint = _field_at(model, loc)
    params: dict[str, Any] = {
        "label": label,
        "input": _short(err.get("input", "")),
        "detail": err["msg"],
        # the accepted values are listed whole: they tell the user what to write
        **{k: _short(v, 400 if k == "expected" else 60) for k, v in ctx.items()},
    }
    if isinstance(ctx.get("expected"), str):  # pydantic's "'a', 'b' or 'c'" is English
        params["expected"] = _short(ctx["expected"].replace("' or '", "', '"), 400)
    template = _TEMPLATES.get(kind) or _CUSTOM_TEMPLATES.get(kind)
    if kind == "string_pattern_mismatch" and hint:
        params["hint"] = hint
        template = _PATTERN_WITH_HINT
    if kind in ("value_error", "assertion_error") and isinstance(params["detail"], str):
        # A domain validator's ValueError: its French reason, without pydantic's prefix.
        detail = params["detail"]
        for english in _ENGLISH_PREFIXES:
            detail = detail.removeprefix(english)
        params["detail"] = detail
        template = _WITH_DETAIL
    if template is None and kind in _PYDANTIC_TYPES:
        template = (
            _UNKNOWN_TYPE  # a built-in type with no French template: never pydantic's English
        )
    if template is None and ctx and err["msg"]:
        # Another custom error already carries its French message, formatted.
        template = _WITH_DETAIL
    return Issue(code=kind, template=template or _FALLBACK, params=params, file=file, field=path)


def validate_as(
    model: type[M], data: Any, *, prefix: tuple[str, ...] = ()
) -> tuple[M | None, list[Issue]]:
    """Validate ``data`` as ``model``: the instance, or None and French issues."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, issues_from_validation(exc, model, prefix=prefix)
