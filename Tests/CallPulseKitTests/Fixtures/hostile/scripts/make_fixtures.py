#!/usr/bin/env python3
"""Writes the hostile script fixtures (see README.md here and HostileScriptTests). Run from this
folder; commit the output. Byte-exact on purpose where encodings are the point. Big cases (a 50 MB
file, 10,000-deep nesting, a near-1 MB script full of mistakes) are made by the tests at run time."""

HEAD = "id: t\ntitle: T\nlanguages: [en]\nquestions:\n"


def write(name, text):
    with open(name, "wb") as f:
        f.write(text.encode("utf-8") if isinstance(text, str) else text)


# Mistakes a designer makes
write("missing-keys.yaml", "id: t\nquestions:\n  - { id: a, type: yesno }\n")
write("wrong-types.yaml", "id: [t]\ntitle: T\nlanguages: en\nquestions:\n"
      "  - id: a\n    type: number\n    min: five\n    optional: maybe\n    text: [A, B]\n")
write("unknown-kind.yaml", HEAD + "  - id: a\n    type: rating\n    text: A?\n")
write("bad-condition.yaml", HEAD + "  - { id: nps, type: nps, text: N }\n"
      "  - id: b\n    type: yesno\n    when: \"nps >= 9 && nps <= 10\"\n    text: B?\n")
write("forward-reference.yaml", HEAD + "  - id: a\n    type: yesno\n    when: \"b = yes\"\n    text: A?\n"
      "  - { id: b, type: yesno, text: B? }\n")
write("duplicate-ids.yaml", HEAD + "  - { id: a, type: yesno, text: A? }\n  - { id: a, type: text, text: B? }\n")
write("empty-choices.yaml", HEAD + "  - id: a\n    type: choice\n    text: A?\n    options: []\n")
write("scale-min-over-max.yaml", HEAD + "  - id: a\n    type: scale\n    min: 7\n    max: 1\n    text: A?\n")
write("unknown-language.yaml", "id: t\ntitle: T\nlanguages: [fi, de]\nquestions:\n  - { id: a, type: yesno, text: { fi: A } }\n")
write("missing-translation.yaml", "id: t\ntitle: { fi: T, sv: T, en: T }\nlanguages: [fi, sv, en]\nquestions:\n"
      "  - id: a\n    type: yesno\n    text: { fi: Kyllä?, en: Yes? }\n")
write("duplicate-keys.yaml", "id: t\ntitle: T\nid: u\nlanguages: [en]\nquestions:\n  - { id: a, type: text, text: A }\n")
write("duplicate-keys-crlf.yaml", HEAD.replace("\n", "\r\n") + "  - id: a\r\n    type: text\r\n    text: A\r\n    type: yesno\r\n")
write("alerts-wrong-shape.yaml", HEAD + "  - { id: a, type: csat, text: A }\nalerts:\n  - a <= 2\n  - { when: a <= 2 }\n")
write("not-a-mapping.yaml", "- id: t\n- title: T\n")
write("empty-file.yaml", "")
write("two-documents.yaml", HEAD + "  - { id: a, type: text, text: A }\n---\nid: u\n")
write("unclosed-quote.yaml", HEAD + "  - id: a\n    type: text\n    text: \"never closed\n")
write("control-characters.yaml", HEAD + "  - { id: a, type: \"\\e[2J\\x9b31m\\u202E\", text: A }\n")

# Whitespace and encodings
write("tabs.yaml", HEAD + "\t- { id: a, type: yesno, text: A? }\n")
write("latin1.yaml", "id: t\ntitle: Hyvää päivää\nlanguages: [fi]\nquestions:\n  - { id: a, type: yesno, text: Ä? }\n".encode("latin-1"))
write("nul-byte.yaml", b"id: t\ntitle: T\x00\nlanguages: [en]\nquestions:\n  - { id: a, type: text, text: A }\n")
valid = "id: t\ntitle: Hyvää päivää\nlanguages: [fi]\nquestions:\n  - { id: a, type: yesno, text: Ä? }\n"
write("utf8-bom.yaml", b"\xef\xbb\xbf" + valid.encode())
write("utf16le-bom.yaml", b"\xff\xfe" + valid.encode("utf-16-le"))
write("utf16-odd-length.yaml", b"\xff\xfe" + valid.encode("utf-16-le") + b"!")

# YAML built to exhaust the loader
laughs = "id: t\nlol0: &lol0 lol\n" + "".join(
    f"lol{i}: &lol{i} [" + ", ".join([f"*lol{i - 1}"] * 10) + "]\n" for i in range(1, 10))
write("billion-laughs.yaml", laughs)
# CRLF line ends and a comment first: the input guard must still see every line.
write("billion-laughs-crlf.yaml", ("# it's a bomb\n" + laughs).replace("\n", "\r\n"))
write("merge-key.yaml", "id: t\nbase: &base { type: yesno, text: A }\nlanguages: [en]\nquestions:\n  - { <<: *base, id: a }\n")
write("deep-condition.yaml", HEAD + "  - { id: a, type: yesno, text: A }\n  - id: b\n    type: yesno\n"
      "    when: \"" + "(" * 100 + "a = yes" + ")" * 100 + "\"\n    text: B\n")

# Ranges that would make stats allocate, loop or overflow (second pass): bounded in the loader
def scale(name, kind, lo, hi):
    write(name, HEAD + f"  - id: a\n    type: {kind}\n    min: {lo}\n    max: {hi}\n    text: A?\n")


scale("scale-two-billion.yaml", "scale", -2000000000, 2000000000)
scale("scale-billion-wide.yaml", "scale", 0, 1000000000)
scale("scale-int64-range.yaml", "scale", -9223372036854775808, 9223372036854775807)
scale("scale-beyond-int64.yaml", "scale", 0, 99999999999999999999)
scale("scale-too-many-points.yaml", "scale", 0, 1000)
scale("ces-too-many-points.yaml", "ces", 1, 500)
scale("nps-billion.yaml", "nps", 0, 1000000000)
write("scale-0-100.yaml", "id: t\ntitle: Hyvää päivää\nlanguages: [fi]\nquestions:\n"
      "  - { id: a, type: scale, min: 0, max: 100, text: Ä? }\n")
write("number-bounds-huge.yaml", HEAD + "  - id: a\n    type: number\n    min: -1e300\n    max: 1e300\n    text: A?\n")
write("number-bounds-infinite.yaml", HEAD + "  - id: a\n    type: number\n    max: .inf\n    text: A?\n")

# Question ids the export uses for its own columns (second pass)
write("reserved-id-phone.yaml", HEAD + "  - { id: phone, type: nps, text: N }\n")
write("reserved-ids.yaml", HEAD + "  - { id: agent, type: text, text: A }\n  - { id: notes, type: text, text: N }\n"
      "  - { id: interview_id, type: yesno, text: I }\n  - { id: disposition, type: yesno, text: D }\n")
write("reserved-id-case.yaml", HEAD + "  - { id: Phone, type: yesno, text: P }\n")
