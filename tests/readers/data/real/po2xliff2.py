"""PO -> XLIFF 2.0 with translate-toolkit's own Xliff2File store (ttk has no po2xliff2 command)."""
import sys
from translate.storage import po, xliff2

source = po.pofile.parsefile(sys.argv[1])
store = xliff2.Xliff2File(sourcelanguage="en", targetlanguage="fr")
for unit in source.units:
    if unit.isheader() or unit.isobsolete():
        continue
    texts = [(unit.source, unit.target)]
    if unit.hasplural():
        texts = list(zip([unit.source.strings[0]] + [unit.source.strings[1]] * (len(unit.target.strings) - 1),
                         unit.target.strings))
    for n, (src, tgt) in enumerate(texts):
        new = store.addsourceunit(src)
        new.target = tgt
        new.setid(unit.getid().replace("\x04", "|") + (f"[{n}]" if unit.hasplural() else ""))
store.savefile(sys.argv[2])
