#!/usr/bin/env python3
"""Writes the hostile do-not-call files (see README.md here and HostileDoNotCallFileTests). Run
from this folder; commit the output."""


def write(name, text):
    with open(name, "wb") as f:
        f.write(text.encode("utf-8"))


write("letter-o.txt", "040 123 4567\n040 5OO 0113\n")
write("cyrillic-ze.csv", "phone,name\n050 765 4321,A\n040 12\u0417 4567,B\n")
write("vanity.txt", "0800 FLOWERS\n")
write("extensions.txt", "040 123 4567 ext 12\n050 765 4321#3\n")
write("spaced-and-dashed.txt", "040 123 4567\n050-765-4321\n+46 70 123 45 67\n")
write("bidi-override.txt", "040 123 \u202e7654\n")
write("formula-note.csv", "phone,note\n040 123 4567,=cmd|' /C calc'!A0\n")
write("fullwidth-digits.txt", "\uff10\uff14\uff10 \uff11\uff12\uff13 \uff14\uff15\uff16\uff17\n")
