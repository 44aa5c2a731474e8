#!/usr/bin/env python3
"""Writes the hostile call-list fixtures (see README.md here and HostileCallListTests).
Run from this folder; commit the output. Byte-exact on purpose: encodings, byte-order marks,
line ends and stray bytes are what the cases are about. Big cases (a 1 MB field, 10,000-character
lines, 20,000 columns) are made by the tests at run time instead."""

ESC, BEL, CSI = "\x1b", "\x07", "\u009b"


def write(name, data):
    with open(name, "wb") as f:
        f.write(data)


def utf16(text, byteorder="le", bom=True):
    body = text.encode("utf-16-" + byteorder)
    return ((b"\xff\xfe" if byteorder == "le" else b"\xfe\xff") if bom else b"") + body


# Encodings
write("latin1-semicolon.csv",
      "puhelin;nimi;kaupunki\r\n040 123 4567;Päivi Hämäläinen;Jyväskylä\r\n"
      "050 765 4321;Åsa Öhman;Vaasa\r\n044 555 1234;José Müller;Turku\r\n".encode("latin-1"))
write("utf16le-bom.csv", utf16("phone,name\r\n0401234567,Sören Åberg\r\n0507654321,Emoji 😀 Virtanen\r\n"))
write("utf16be-bom.tsv", utf16("phone\tname\n0401234567\tJää-Kari Ähtäri\n0507654321\tÅsa Öhman\n", "be"))
write("utf16le-no-bom.csv", utf16("phone,name\n0401234567,Pekka Peräkorpi\n0507654321,Liisa Lähde\n", bom=False))
write("utf8-bom-crlf.csv", b"\xef\xbb\xbf" + "phone,name\r\n0401234567,Sören Öhman\r\n0507654321,Matti Nieminen\r\n".encode())
write("bom-only.csv", b"\xef\xbb\xbf")

# Line ends, blank lines, quotes
write("mixed-line-endings.csv", b"phone,name\r\n0401234567,A\n0507654321,B\r\r\n  \n0441234567,C\rnot a number,D\n")
write("quoted-newlines.csv", b'phone,name,note\n0401234567,"Multi\nline\r\nname","say ""hi"""\n'
      b'0507654321,"abc"def,a"b\n12,bad number,"x"\n')
write("unterminated-quote.csv", b'phone,name\n0401234567,A\n0507654321,B\n0441234567,"Open\nquote never closed\n')

# Bytes that are not text
write("nul-byte.csv", b"phone,name\n0401234567,A\n0507654321,B\n0441234567,C\x00D\n")
write("nul-utf16.csv", utf16("phone,name\n0401234567,A\u0000B\n"))
write("windows-1252-undefined-byte.csv", b"puhelin;nimi\n040 123 4567;P\xe4ivi\n050 765 4321;Bad \x81 byte\n")
write("utf16-odd-length.csv", utf16("phone,name\n0401234567,A\n") + b"B")
write("utf16-lone-surrogate.csv", utf16("phone,name\n0401234567,A\n") + b"\x3d\xd8" + utf16("x\n", bom=False))
write("binary-png.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10")

# Header problems
write("empty.csv", b"")
write("blank-lines-only.csv", b"\r\n \n\t\n")
write("header-only.csv", b"phone,name\r\n")
write("no-phone-column.csv", b"name,email\nMatti,matti@example.com\n")
write("duplicate-headers.csv", b"phone,First Name,first_name\n0401234567,Matti,Maija\n")
write("empty-headers.csv", b"phone,,city,\n0401234567,x,Oulu,\n0507654321,,Kemi,y\n")

# Rows of the wrong width
write("ragged-rows.csv", b"phone,name,city\n0401234567\n0507654321,B,Oulu,,\n0441234567,C,Kemi,extra\n"
      b"0451234567,D\n0461234567,E,Lahti,x,y\n")

# Text that is hostile to spreadsheets, terminals and SQL, imported as given
write("formula-strings.csv", (
    'phone,name,note\n'
    '0401234567,"=HYPERLINK(""http://evil.example/x"",""Click me"")",=1+1\n'
    '0507654321,+358 40 999 9999,@SUM(A1:A9)\n'
    '0441234567,-2+3,"=cmd|\' /C calc\'!A0"\n'
    '0401234567,=duplicate row,\tlead tab\n').encode())
write("terminal-escapes.csv", (
    f'phone,name,note{ESC}[5m\n'
    f'0401234567,Matti {ESC}[2J{ESC}[HMeikäläinen,{ESC}]0;pwned{BEL}title\n'
    f'0507654321,Liisa {CSI}31mred,\u202Egnp.exe\n'
    f'0441234567,Back\b\b\bspace,bell{BEL}{BEL}\n'
    f'0451234567{ESC}[31m,Bad number,x\n').encode())
write("sql-metacharacters.csv", (
    'phone,name,"""; DROP TABLE contact; --"\n'
    '0401234567,"Robert\'); DROP TABLE contact;--",1; DELETE FROM campaign\n'
    '0507654321,"\\"" OR ""1""=""1",%_*?[]\\\n'
    "0441234567,O'Brien,NULL\n").encode())

# Letters and look-alikes in numbers (second pass): libphonenumber drops up to two letters and
# dials the rest, so a letter O for a zero calls a stranger; every such row is rejected.
write("letters-in-numbers.csv", (
    'phone,name\n'
    '040 l500125,Lower L for one\n'
    '040 5OO 0113,Letter O for zero\n'
    '+358 4O5 000 112,Letter O in E.164\n'
    '1-800-FLOWERS,Vanity number\n'
    '040 123 4567,Valid\n'
    '050 765 4321 ext 12,Valid with an extension\n').encode())
write("lookalike-letters.csv", (
    'phone,name\n'
    '040 12\u0417 4567,Cyrillic Ze for three\n'
    '040 \u039f12 3456,Greek Omicron for zero\n'
    '040 \u216023 4567,Roman numeral one\n'
    '040 \uff2f12 3456,Fullwidth letter O\n'
    '044 123 4567,Valid\n').encode())
write("unicode-digits.csv", (
    'phone,name\n'
    '\uff10\uff14\uff10 \uff11\uff12\uff13 \uff14\uff15\uff16\uff17,Fullwidth digits\n'
    '\u0660\u0665\u0660\u0667\u0666\u0665\u0664\u0663\u0662\u0661,Arabic-Indic digits\n').encode())
write("extension-markers.csv", (
    'phone,name\n'
    '040 123 4567 ext 12,ext\n'
    '050 765 4321 x 3,x\n'
    '044 123 4567#9,hash\n'
    '045 123 4567;ext=1,RFC 3966\n'
    '046 123 4567 extension 5,spelled out\n').encode())
write("words-in-numbers.csv", (
    'phone,name\n'
    '040 123 4567 (koti),a note after the number\n'
    'tel:+358501234567,a tel: link\n'
    '040 123 4567 / 050 765 4321,two numbers\n'
    '044 123 4567,Valid\n').encode())
write("invisible-characters-in-numbers.csv", (
    'phone,name\n'
    '040 123 \u202e7654,right-to-left override (shows 4567)\n'
    '040\u200f1234568,right-to-left mark\n'
    '040\ufeff1234569,zero-width no-break space\n'
    '040\u00ad1234567,soft hyphen\n').encode())

# Column names the export uses itself (second pass): kept as fields, renamed field_NAME
write("reserved-column-names.csv",
      b"phone,name,agent,notes,started,disposition,interview_id\n0401234567,Matti,Kalle,vip,2020,1.1,77\n")
write("question-id-columns.csv", b"phone,nps,CSAT\n0401234567,10,5\n")
write("prefixed-collision.csv", b"phone,agent,field_agent\n0401234567,Kalle,Ville\n")
