#!/usr/bin/env python3
"""Writes the hostile answers (see README.md here and HostileAnswerTests): what an agent may type
or paste at a question's prompt, one answer a file, without a line end. Run from this folder;
commit the output."""


def write(name, text):
    with open(name, "wb") as f:
        f.write(text.encode("utf-8"))


# Numbers beyond what can be stored (400 nines read as +infinity locked the interview)
write("nines-400.txt", "9" * 400)
write("minus-nines-400.txt", "-" + "9" * 400)
write("just-over-limit.txt", "1000000000000001")
write("at-limit.txt", "1000000000000000")
write("huge-decimal-comma.txt", "999999999999999,5")
write("exponent.txt", "1e999")
write("nan.txt", "nan")
write("infinity-sign.txt", "\u221e")
# Whole numbers at and beyond Int64 on rating scales (9223372036854775807 crashed the console)
write("int64-max.txt", "9223372036854775807")
write("int64-overflow.txt", "9223372036854775808")
write("plus-zeros.txt", "+0000000000000000000000000000007")
write("minus-zero.txt", "-0")
# Digits that are not ASCII are not read as numbers
write("fullwidth-digits.txt", "\uff11\uff12")
write("arabic-indic-digit.txt", "\u0663")
write("bidi-override-number.txt", "\u202e21")
