"""Write a TBX with translate-toolkit 3.20.4's own tbxfile API (statuses added as termNotes)."""
import sys
from lxml import etree
from translate.storage import tbx

store = tbx.tbxfile(sourcelanguage="fr", targetlanguage="en")
rows = [("État hébreu", [("Israel", "preferredTerm-admn-sts"), ("the Hebrew state", "deprecatedTerm-admn-sts"),
                         ("Hebrew state", "supersededTerm-admn-sts")]),
        ("accords d'Abraham", [("Abraham Accords", "preferredTerm-admn-sts"), ("Abraham Agreements", "deprecatedTerm-admn-sts")]),
        ("ministre de la Défense", [("Defense Minister", "preferredTerm-admn-sts"), ("Minister of Defense", "admittedTerm-admn-sts")])]
for source, targets in rows:
    unit = store.addsourceunit(source)
    unit.set_target_terms([t for t, _ in targets], "en")
    unit.addnote("Press periphrasis; see the house glossary.", origin="translator")
    for tig, (_, status) in zip(unit.getlanguageNode(lang="en", index=1).findall(unit.namespaced("tig")), targets):
        note = etree.SubElement(tig, unit.namespaced("termNote"), type="administrativeStatus")
        note.text = status
    pos = etree.SubElement(unit.getlanguageNode(lang="fr", index=0).find(unit.namespaced("tig")), unit.namespaced("termNote"), type="partOfSpeech")
    pos.text = "noun"
sys.stdout.buffer.write(bytes(store))
