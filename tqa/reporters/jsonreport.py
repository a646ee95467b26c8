"""The canonical machine form: the Report model as JSON (schema: ``tqa schema``)."""

import json

from ..models import Report


def render(report: Report, color: bool = False) -> str:
    return report.model_dump_json(indent=2) + "\n"


def schema() -> str:
    """JSON Schema of the report, generated from the same pydantic models that write it."""
    return json.dumps(Report.model_json_schema(), indent=2, sort_keys=True) + "\n"
