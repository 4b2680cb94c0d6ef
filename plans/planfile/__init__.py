"""The plan file: one human-editable YAML file per plan.

`read_plan_file` validates and normalises a file (reader.py, with the field checks in
checks.py); `import_plan` writes it in one transaction, touching only what differs, so that
importing the same file twice changes nothing, not even the history (importer.py);
`export_plan` writes the same format back, so that export, import into an empty database and
export give identical bytes (exporter.py). The format is documented in plans/files/FORMAT.md.
"""

from .checks import PlanFileError
from .exporter import export_plan
from .importer import import_plan
from .reader import FORMAT_VERSION, read_plan_file

__all__ = ["FORMAT_VERSION", "PlanFileError", "export_plan", "import_plan", "read_plan_file"]
