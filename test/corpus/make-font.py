# Subsets one face of a Noto CJK collection (fonts-noto-cjk) to the characters a corpus split prints, plus
# every CJK radical code point (U+2E80–U+2FDF) the face maps, and converts its CFF outlines to TrueType.
# Why: WeasyPrint 57 re-subsets the whole 65,535-glyph CID font for each PDF (about 15 s of CPU a page) and
# writes CIDs a CID-keyed subset no longer has; a compact TrueType face prints in about a second in both
# engines. Radicals stay in the cmap on purpose: they share glyphs with ideographs (⽇/日), which is why
# mupdf and pdfminer read Chromium's PDFs back as radical code points, as they do with the full font.
# Usage: /usr/bin/python3 make-font.py COLLECTION.ttc FACE_INDEX TEXT_FILE OUT.ttf
import json
import sys
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import newTable

src, index, text_file, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
opts = subset.Options()
opts.font_number = index
opts.layout_features = []
opts.name_IDs = ['*']
opts.hinting = False
opts.desubroutinize = True
font = subset.load_font(src, opts)
subsetter = subset.Subsetter(opts)
radicals = ''.join(chr(c) for c in range(0x2E80, 0x2FE0))
subsetter.populate(text=open(text_file, encoding='utf-8').read() + radicals)
subsetter.subset(font)
# Which ideographs share each radical's glyph (⼾ and 户 in the SC face, though NFKC makes ⼾ 戶):
# written beside the font, so the gold can tell which ideograph an extracted radical stands for.
by_glyph = {}
for code, glyph in font.getBestCmap().items():
    by_glyph.setdefault(glyph, []).append(code)
shared = {}
for codes in by_glyph.values():
    radicals_here = [c for c in codes if 0x2E80 <= c <= 0x2FDF]
    for r in radicals_here:
        others = [chr(c) for c in codes if not 0x2E80 <= c <= 0x2FDF]
        if others:
            shared[chr(r)] = others
json.dump(shared, open(out + '.radicals.json', 'w', encoding='utf-8'), ensure_ascii=False, sort_keys=True)

order = font.getGlyphOrder()
glyphs = font.getGlyphSet()
glyf = newTable('glyf')
glyf.glyphOrder = order
glyf.glyphs = {}
for name in order:
    pen = TTGlyphPen(glyphs)
    glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
    glyf.glyphs[name] = pen.glyph()
font['glyf'] = glyf
font['loca'] = newTable('loca')
del font['CFF ']
if 'VORG' in font:
    del font['VORG']
maxp = newTable('maxp')
maxp.tableVersion = 0x00010000
for key in ('maxTwilightPoints', 'maxStorage', 'maxFunctionDefs', 'maxInstructionDefs',
            'maxStackElements', 'maxSizeOfInstructions', 'maxComponentElements'):
    setattr(maxp, key, 0)
maxp.maxZones = 1
font['maxp'] = maxp
font['head'].glyphDataFormat = 0
font['head'].indexToLocFormat = 0
post = font['post']
post.formatType = 3.0
post.extraNames = []
post.mapping = {}
font.sfntVersion = '\x00\x01\x00\x00'
font.recalcBBoxes = True
font.save(out)
