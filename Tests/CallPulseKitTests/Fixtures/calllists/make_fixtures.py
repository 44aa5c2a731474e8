#!/usr/bin/env python3
"""Writes the call-list fixtures for CSVReaderTests. Run from this folder; commit the output.
Byte-exact on purpose: encodings, BOMs and line endings are what the tests are about."""

def write(name, data):
    with open(name, "wb") as f:
        f.write(data)

write("comma.csv", "phone,name,city\n+358401234567,Matti Meikäläinen,Helsinki\n0401234568,  Liisa Virtanen  ,Tampere\n".encode("utf-8"))
write("semicolon.csv", 'puhelin;nimi;yritys\r\n040 123 4567;Päivi Öhman;"Kauppa; Koti Oy"\r\n'.encode("utf-8"))
write("tab.tsv", "phone\tname\tnote\n+358401234567\tÅsa Lindqvist\t  spaced  \n".encode("utf-8"))
write("utf8-bom.csv", b"\xef\xbb\xbf" + "phone,name\n+358401234567,Sören Öhman\n".encode("utf-8"))
# What Excel's "CSV (semicolon delimited)" writes in a Finnish locale: Windows-1252, CRLF.
write("windows-1252.csv", "puhelin;nimi;summa\r\n040 123 4567;Päivi Hämäläinen;12 €\r\n09 1234 567;Åsa Öhman;„lainaus”\r\n".encode("cp1252"))
# What Excel's "Unicode text" writes: UTF-16 LE with a BOM, tab separated, CRLF.
write("utf16le-bom.tsv", b"\xff\xfe" + "phone\tname\r\n+358401234567\tJää-Kari Ähtäri\r\n0401234567\tBjörn 😀\r\n".encode("utf-16-le"))
write("quoted.csv", ('id,company,note\n'
                     '1,"Pohjolan Sähkö, Oy","said ""hello"" twice"\n'
                     '2,"Multi\nline Oy","three\r\nlines\nhere"\n'
                     '3,O\'Brien "Jr" Smith,"abc"def\n').encode("utf-8"))
write("mixed-endings.csv", b'a,b\r\n1,x\n2,y\r3,z\r\n\r\n  \n4,"q\rr"\n5,w')
write("unterminated.csv", b'a,b\n1,2\n3,"open\nmore\n')
write("nul.csv", b"a,b\n1,2\n3,x\x00y\n")
write("empty.csv", b"")
write("blank-only.csv", b"\r\n\n  \n")
write("header-only.csv", b"phone,name\r\n")
