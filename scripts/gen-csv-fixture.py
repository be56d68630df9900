#!/usr/bin/env python3
"""Writes __tests__/fixtures/python-csv.json: what Python's csv module (as PDD reads and writes its CSVs:
default excel dialect, strict=False) and pandas.read_csv (as llm_invoke._load_model_data reads llm_model.csv)
make of each input. The TypeScript readers in src/pycompat/csv.ts are tested against it.

Usage: ~/.cache/pdd-sync-action/venv-pdd-0.0.310-py3.12/bin/python scripts/gen-csv-fixture.py
(the venv's Python 3.12 and pandas, the versions pdd-cli 0.0.310 runs with).
"""
import csv
import io
import json
import sys
from pathlib import Path

import pandas as pd

CASES = {
    "plain": "a,b\n1,2\n",
    "quoted comma": 'a,b\n1,"x,y"\n',
    "quoted newline": 'a,b\n1,"x\ny"\n2,3\n',
    "quoted CRLF in CRLF file": 'a,b\r\n1,"x\r\ny"\r\n2,3\r\n',
    "doubled quotes": 'a,b\n1,"say ""hi"""\n',
    "unclosed quote": 'a,b\n1,2\n3,"open\n4,5\n',
    "unclosed quote ending in a doubled quote": 'a,b\n1,"x""',
    "unclosed quote ending in a newline": 'a,b\n1,"x\n',
    "blank lines": "a,b\n\n1,2\n\n\n3,4",
    "blank line inside quotes": 'a,b\n"1\n\n2",3\n',
    "whitespace-only line": "a,b\n  \n1,2\n",
    "BOM": "\ufeffa,b\n1,2\n",
    "ragged rows": "a,b,c\n1\n1,2,3,4\n",
    "quote inside an unquoted field": 'a,b\n1,x"y\n',
    "text after a closing quote": 'a,b\n1,"x"y\n',
    "space before a quote": 'a,b\n1, "x,y"\n',
    "empty quoted fields": 'a,b\n"",""\n',
    "trailing comma": "a,b\n1,2,\n",
    "empty file": "",
    "header only, no newline": "a,b",
    "CR line ends": "a,b\r1,2\r",
    "mixed line ends": "a,b\r\n1,2\n3,4\r5,6\r\n",
    # quotes in the middle of an unquoted field stay as they are
    "quotes in the middle of an unquoted field": 'a,b\n1,x"y"z\n',
    "doubled quote in an unquoted field": 'a,b\n1,x""y\n',
    # text after a closing quote (Python: the field goes on unquoted)
    "text after a closing quote, then a field": 'a,b,c\n1,"x"y,z\n',
    "text after a closing quote, comma inside the quotes": 'a,b\n1,"x,y"z\n',
    "space after a closing quote": 'a,b,c\n1,"x" ,y\n',
    "text after a closing quote, then a quote": 'a,b\n1,"x"y"z\n',
    "text after a closing quote, doubled quote before": 'a,b\n1,"a""b"c\n',
    "text after a closing quote, no newline at EOF": 'a,b\n1,"x"y',
    # doubled-quote escapes
    "a lone escaped quote": 'a,b\n1,""""\n',
    "escaped quotes only": 'a,b\n1,""""""\n',
    "a field that starts with an escaped quote": 'a,b\n1,"""x"""\n',
    # unterminated quotes at the end of the file
    "unclosed quote, no newline at EOF": 'a,b\n1,"x',
    "unclosed quote over a comma and a line": 'a,b\n1,"x,y\n2,3',
    # CRLF and CR inside quotes
    "quoted CRLF in an LF file": 'a,b\n1,"x\r\ny"\n2,3\n',
    "quoted CR in a CRLF file": 'a,b\r\n1,"x\ry"\r\n2,3\r\n',
    # BOM: csv.reader keeps it in the first field; pandas drops it
    "BOM before a quoted header": '\ufeff"a",b\n1,2\n',
}


def python_csv(text):
    """csv.reader records (blank lines give []), each with the 1-based line it starts on."""
    reader = csv.reader(io.StringIO(text, newline=""))
    out, start = [], 1
    try:
        for row in reader:
            out.append({"line": start, "fields": row})
            start = reader.line_num + 1
    except csv.Error as e:
        return {"records": out, "error": str(e)}
    return {"records": out}


def pandas_csv(text):
    """Header and rows as strings (NaN as None), or the error pd.read_csv raises."""
    try:
        df = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except Exception as e:  # noqa: BLE001 - PDD catches every exception here too
        return {"error": f"{type(e).__name__}: {e}".splitlines()[0]}
    return {"columns": [str(c) for c in df.columns], "rows": df.values.tolist(), "index": [str(i) for i in df.index]}


fixture = {
    "generator": "scripts/gen-csv-fixture.py",
    "python": sys.version.split()[0],
    "pandas": pd.__version__,
    "cases": [{"name": n, "text": t, "csv": python_csv(t), "pandas": pandas_csv(t)} for n, t in CASES.items()],
}
out = Path(__file__).resolve().parent.parent / "__tests__" / "fixtures" / "python-csv.json"
out.write_text(json.dumps(fixture, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
print(f"wrote {out} ({len(CASES)} cases)")
