#!/usr/bin/env python3
"""Keep the Web project's two resource files in step.

  scripts/resx.py set KEY "中文" "English"   add or update one key in both files
  scripts/resx.py import FILE.tsv            add or update keys from lines KEY<TAB>中文<TAB>English
  scripts/resx.py remove KEY                 remove one key from both files
  scripts/resx.py check                      fail if a key is missing from either file

Strings.resx is English (the neutral fallback); Strings.zh-CN.resx is Simplified Chinese (the default culture).
"""
import sys, os
import xml.etree.ElementTree as ET

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "KashiInvest.Web", "Resources")
FILES = {"en": os.path.join(ROOT, "Strings.resx"), "zh": os.path.join(ROOT, "Strings.zh-CN.resx")}
HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""

def load(path):
    if not os.path.exists(path):
        return {}
    return {d.get("name"): (d.findtext("value") or "") for d in ET.parse(path).getroot().findall("data")}

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def save(path, data):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER)
        for k in sorted(data, key=str.lower):
            f.write(f'  <data name="{esc(k)}" xml:space="preserve"><value>{esc(data[k])}</value></data>\n')
        f.write("</root>\n")

def main(argv):
    en, zh = load(FILES["en"]), load(FILES["zh"])
    if len(argv) >= 2 and argv[1] == "set" and len(argv) == 5:
        zh[argv[2]], en[argv[2]] = argv[3], argv[4]
    elif len(argv) == 3 and argv[1] == "import":
        for n, line in enumerate(open(argv[2], encoding="utf-8"), 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                sys.exit(f"{argv[2]}:{n}: expected KEY<TAB>中文<TAB>English")
            zh[parts[0]], en[parts[0]] = parts[1], parts[2]
    elif len(argv) == 3 and argv[1] == "remove":
        if argv[2] not in en and argv[2] not in zh:
            sys.exit(f"no key {argv[2]}")
        en.pop(argv[2], None)
        zh.pop(argv[2], None)
    elif len(argv) == 2 and argv[1] == "check":
        missing = sorted(set(en) ^ set(zh))
        for k in missing:
            print(f"missing in {'zh-CN' if k in en else 'en'}: {k}")
        sys.exit(1 if missing else 0)
    else:
        sys.exit(__doc__)
    save(FILES["en"], en)
    save(FILES["zh"], zh)

if __name__ == "__main__":
    main(sys.argv)
