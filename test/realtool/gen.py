import json, html, subprocess, sys, os
arts = json.load(open('articles.json'))
E = html.escape
def art_html(a, cols):
    h = '<div class="art">'
    if a['kind']=='photo':
        return '<div class="art photo"><div class="img"></div><p class="cap">%s</p></div>' % E(a['paragraphs'][0])
    if a['kicker']: h += '<div class="kicker">%s</div>' % E(a['kicker'])
    if a['title']: h += '<h2>%s</h2>' % E(a['title'])
    for s in a['subtitles']: h += '<div class="sub">%s</div>' % E(s)
    if a['byline']: h += '<div class="by">%s</div>' % E(a['byline'])
    h += '<div class="body" style="column-count:%d">' % cols
    for p in a['paragraphs']:
        sec = len(p) <= 8 and not any(c in p for c in '。，')
        h += ('<p class="sec">%s</p>' if sec else '<p>%s</p>') % E(p)
    return h + '</div></div>'
CSS = '''@page{size:A3;margin:15mm} body{font-family:"Noto Serif CJK SC","Noto Sans CJK SC";font-size:11pt;line-height:1.5}
.mast{font-size:30pt;font-weight:bold} .hdr{border-bottom:2px solid #000;margin-bottom:8px}
.kicker{font-size:13pt} h2{font-size:20pt;margin:2px 0} .sub{font-size:13pt} .by{font-size:10pt}
p{text-indent:2em;margin:0} .sec{font-weight:bold;text-indent:0} .art{margin-bottom:14px;break-inside:avoid}
.img{height:60px;background:#ccc} .box{border:1px solid #000;padding:6px} .boxlabel{font-weight:bold;font-size:14pt}
.grid{display:flex;gap:16px} .grid > div{flex:1}
.brief h2{font-size:13pt}'''
def page(name, order, cols, family, box=None):
    h = '<html><head><meta charset="utf-8"><style>%s</style></head><body>' % CSS
    h += '<div class="mast">青溪日报</div><div class="hdr">2024年10月16日 星期三 第02版：综合</div>'
    if family == 'grid':
        left = [arts[i] for i in order[::2]]; right=[arts[i] for i in order[1::2]]
        h += '<div class="grid"><div>%s</div><div>%s</div></div>' % (''.join(art_html(a,1) for a in left), ''.join(art_html(a,1) for a in right))
    else:
        h += ''.join(art_html(arts[i], cols) for i in order)
    if box:
        h += '<div class="box"><div class="boxlabel">简讯</div>%s</div>' % ''.join('<div class="brief">'+art_html(arts[i],1)+'</div>' for i in box)
    h += '</body></html>'
    open(name+'.html','w').write(h)
    furn = [{"kind":"masthead","text":"青溪日报"},{"kind":"masthead","text":"2024年10月16日 星期三 第02版：综合"}]
    if box: furn.append({"kind":"section","text":"简讯"})
    golds = [arts[i] for i in order] + ([arts[i] for i in box] if box else [])
    gold = {"seed":name+".txt","publication":{"name":"青溪日报","slug":None,"name_source":"masthead"},
      "issue":{"date":"2024-10-16","date_source":"masthead","number":None,"total_pages":None,"lunar_date":None,"weekday":"星期三"},
      "pages":[{"number":2,"name":"综合"}],
      "articles":[dict(page=2, continued_to=(3 if '下转第3版' in ''.join(a['paragraphs']) else None), **a) for a in golds],"furniture":furn}
    return gold
specs = [('p1',[0,1,2,3],1,'flow',[4,5]),('p2',[2,7,6,8,9],2,'flow',None),('p3',[7,0,3,9,2,1],1,'grid',[5,4]),('p4',[8,6,1,2,0],2,'flow',[4,5])]
os.makedirs('seeds',exist_ok=True); os.makedirs('gold',exist_ok=True)
for name, order, cols, fam, box in specs:
    g = page(name, order, cols, fam, box)
    for eng in ['wp','cr']:
        pdf = f'{name}-{eng}.pdf'
        if eng=='wp': subprocess.run(['weasyprint', name+'.html', pdf], check=True, stderr=subprocess.DEVNULL)
        else: subprocess.run(['chromium','--headless','--no-sandbox','--disable-gpu','--no-pdf-header-footer',f'--print-to-pdf={pdf}', 'file://'+os.path.abspath(name+'.html')], check=True, stderr=subprocess.DEVNULL)
        for ex, cmd in [('raw',['pdftotext','-raw',pdf,'-']),('mu',['mutool','draw','-F','txt',pdf])]:
            txt = subprocess.run(cmd, capture_output=True, text=True).stdout
            stem = f'{name}-{eng}-{ex}'
            open(f'seeds/{stem}.txt','w').write(txt)
            gg = dict(g); gg['seed'] = stem+'.txt'
            json.dump(gg, open(f'gold/{stem}.json','w'), ensure_ascii=False, indent=1)
