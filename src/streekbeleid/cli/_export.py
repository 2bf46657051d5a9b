"""Commands: ``export`` (every format) and ``import`` (native JSON)."""

from __future__ import annotations

import argparse
import sys

from ..i18n import _
from ._common import RecordId, add_as_of, add_json, load_model, print_json, print_table

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    from ..io import FORMATS, VIEWS  # the one table of formats and views (a light module)

    p = sub.add_parser(
        "export",
        parents=[common],
        help=_("write the model (or a slice) as JSON, Popolo, JSON-LD, Turtle, GraphML, Mermaid, DOT or CSV"),
        description=_(
            "Write the model, or the slice chosen with --region and --as-of, in one format. "
            "Single-file formats go to standard output unless -o is given; csv needs -o FOLDER."
        ),
    )
    p.add_argument("--format", "-f", required=True, choices=list(FORMATS), help=_("the format to write"))
    p.add_argument("-o", "--output", metavar="PATH", help=_("file (or folder for csv) to write; default: stdout"))
    p.add_argument(
        "--region", metavar="ID", type=RecordId("region"), help=_("only the part of the model about this region")
    )
    add_as_of(p)
    p.add_argument(
        "--subject",
        metavar="ID",
        type=RecordId(),
        action="append",
        help=_("mermaid/dot: a body, plan or other record to draw (repeatable; default: every body and its members)"),
    )
    p.add_argument(
        "--view",
        choices=VIEWS,
        default="auto",
        help=_("mermaid/dot: members of a body, tree of a plan, or lineage chain (default: by the subject's kind)"),
    )
    p.add_argument("--indent", type=int, metavar="N", help=_("json: indent by N spaces (default: compact)"))
    p.add_argument(
        "--base-iri",
        "--base",
        dest="base",
        metavar="IRI",
        help=_("popolo/jsonld/turtle: IRI base of the records (default https://streekbeleid.example/)"),
    )
    p.add_argument(
        "--slice-only",
        action="store_true",
        help=_("with --region/--as-of: leave out the records outside the slice that its records refer to"),
    )
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "import",
        parents=[common],
        help=_("check a native JSON file and summarise it (or read it into the installed model with --merge)"),
        description=_(
            "Read a native JSON export or a JSON/YAML data file (.yaml, .yml; standard input is read as JSON). "
            "Every problem is reported as "
            "file:line: $.path: message and the exit status is 2; nothing is half-read."
        ),
    )
    p.add_argument("path", help=_("the file to read: .json, .yaml or .yml ('-' for JSON on standard input)"))
    p.add_argument(
        "--merge",
        action="store_true",
        help=_("read the file into the installed model (see --plugins): it may refer to its ids, not redefine them"),
    )
    add_json(p)
    p.set_defaults(func=cmd_import)


def cmd_export(args: argparse.Namespace) -> int:
    from ..io import FORMATS

    spec = FORMATS[args.format]
    if spec.folder and not args.output:
        raise _usage(f"--format {args.format} writes a folder: give it with -o FOLDER")
    for option, allowed in (("subject", spec.subjects), ("indent", args.format == "json")):
        if getattr(args, option) and not allowed:
            raise _usage(f"--{option} does not apply to --format {args.format}")
    model = load_model(args)
    writer = spec.load()
    target: Any = args.output if args.output and args.output != "-" else sys.stdout
    kwargs: dict[str, Any] = {}
    if args.format in ("json", "popolo", "jsonld", "turtle", "csv"):
        kwargs["closed"] = not args.slice_only
    if args.format == "json" and args.indent is not None:
        kwargs["indent"] = args.indent
    if args.base and args.format in ("popolo", "jsonld", "turtle"):
        kwargs["base"] = args.base
    if spec.subjects:
        writer(model, target, args.subject or [], view=args.view)
    else:
        writer(model, target, **kwargs)
    if target is not sys.stdout:
        print(f"wrote {args.format} to {args.output} ({model!r})", file=sys.stderr)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..errors import DataError
    from ..io import KIND_OF, model_records
    from ..io.native import from_data, parse_json, read_json
    from ..serialization import read_data_file

    base = load_model(args) if args.merge else None
    if args.path == "-":
        name = "<stdin>"
        stream = getattr(sys.stdin, "buffer", None)  # the bytes, when standard input has them
        try:  # checked as a file is: no replacement or escaped characters slip in
            text = stream.read().decode("utf-8") if stream is not None else sys.stdin.read()
        except UnicodeDecodeError as exc:
            raise DataError.single(name, None, "", f"cannot read the file: {exc}") from None
        model = parse_json(text, name, base=base)
    elif args.path.endswith((".yaml", ".yml")):  # a data file, as the help says
        name = str(Path(args.path))
        data, lines = read_data_file(Path(args.path), name)
        model = from_data(data if data is not None else {}, name, base=base, lines=lines)
    else:
        name = str(Path(args.path))  # as read_json names it
        model = read_json(args.path, base=base)
    own = [r for r in model_records(model) if model.origins.get(r.id) == name or base is None]
    counts: dict[str, int] = {}
    for rec in own:
        counts[KIND_OF[type(rec)]] = counts.get(KIND_OF[type(rec)], 0) + 1
    regions = sorted(r.id for r in own if KIND_OF[type(r)] == "regions")
    order = list(KIND_OF.values())
    records = dict(sorted(counts.items(), key=lambda kv: order.index(kv[0])))
    summary = {
        "file": name,
        "valid": True,
        "records": records,
        "total": len(own),
        "regions": regions,
        "merged": bool(args.merge),
        "model": {"records": model.graph.number_of_nodes(), "relations": model.graph.number_of_edges()},
    }
    if args.json:
        print_json(summary)
        return 0
    merged = " and fits the installed model" if args.merge else ""
    print(f"{name}: valid, {len(own)} records{merged}")
    print_table(["kind", "records"], list(records.items()))
    if regions:
        shown = ", ".join(regions) if len(regions) <= 8 else ", ".join(regions[:8]) + ", ..."
        print(f"regions ({len(regions)}): {shown}")
    return 0


def _usage(message: str) -> Exception:
    from ..errors import StreekbeleidError

    return StreekbeleidError(message)
