import { describe, expect, it } from 'vitest';
import { factsOf } from '../../src/document/facts/index.js';
import { scanFigures, type TextFigure } from '../../src/document/facts/figures.js';
import { loadMarkdownSupport, parseDocument } from '../../src/document/parse/index.js';
import { figureRow, seedText } from './helpers.js';

const SEED_000 = [
  '3:199 44次 → 44 次 «局党组会»',
  '3:226 30次 → 30 次 «党纪专题学习»',
  '3:235 12次 → 12 次 «读书班»',
  '3:251 188次 → 188 次 «党组织书记讲纪律党课»',
  '3:266 1500余本 → 1500 本 «党纪学习教育材料» ~余',
  '3:283 455次 → 455 次 «三会一课学习»',
  '8:65 3340份 → 3340 份 «行政检查档案»',
  '8:77 193份 → 193 份 «行政处罚档案»',
  '10:67 90次 → 90 次 «工作会议»',
  '10:78 67份 → 67 份 «法律意见书»',
  '10:86 870份 → 870 份 «合同»',
  // a duration; the label comes after it, since 开展 stays out
  '12:21 四个月 → 4 个月 «专项整治行动»',
  '12:42 50宗 → 50 宗 «处罚决定»',
  // 万 applied to the value; raw keeps it
  '12:49 178.4万元 → 1784000 元 «金额»',
  '12:81 10名 → 10 名 «执法业务骨干»',
  // A、B、C、D四个等级: no Chinese before it, so the noun after it
  '14:104 四个 → 4 个 «等级»',
  '16:116 2次 → 2 次 «集中约谈»',
  '16:125 24家次 → 24 家次 «单独约谈机构»',
  '16:142 6次 → 6 次 «专题培训»',
  '17:88 12份 → 12 份 «监督提醒函»',
  '17:101 19份 → 19 份 «履行主体责任提示函»',
  '17:110 3份 → 3 份 «工作提示函»',
  '17:120 917封 → 917 封 «卫生监督意见书»',
  '19:65 27条 → 27 条 «案件线索»',
  '19:76 42份 → 42 份 «协助调查函»',
  // a known limit: 办理时限均压缩至法定办理事项的90%以上 — the nearest noun after the last verb
  '26:82 90%以上 → 90 % «事项» ~以上',
  '26:98 32项 → 32 项 «“一件事一次办”事项»',
  // 全区 is a scope word: the noun after the classifier
  '30:80 1200家 → 1200 家 «社会医疗机构»',
  '30:92 81家 → 81 家 «社康»',
  '30:98 5家 → 5 家 «医院»',
  '30:103 51间 → 51 间 «医学检验实验室»',
];

const SEED_003 = [
  '6:114 100% → 100 % «优秀率»',
  '6:154 19宗 → 19 宗 «行政复议案件»',
  '6:164 16宗 → 16 宗 «行政诉讼案件»',
  '6:179 3宗 → 3 宗 «行政机关负责人出庭应诉»',
  '6:190 215件 → 215 件 «政务信息公开»',
  '6:236 2名 → 2 名 «执法员»',
  '6:297 2名 → 2 名 «执法人员»',
  '9:20 1份 → 1 份 «有效规范性文件»',
  '11:60 9宗 → 9 宗 «行政处罚»',
  '12:104 200余间次 → 200 间次 «扫码入企检查» ~余',
  '13:73 46个 → 46 个 «执法证»',
  '14:139 4宗 → 4 宗 «法院强制执行»',
  '16:128 2期 → 2 期 «“卫监直击”»',
];

describe('extractFigures on the seeds', () => {
  it('000_123d78033956bda4.txt: every figure, with value, unit, label and position', () => {
    const doc = parseDocument(seedText('000_123d78033956bda4.txt'), { filename: '000.txt' });
    const figures = factsOf(doc).figures;
    expect(figures).toHaveLength(31);
    expect(figures.map((f) => figureRow(doc, f))).toEqual(SEED_000);
  });

  it('000: what is not a figure', () => {
    const doc = parseDocument(seedText('000_123d78033956bda4.txt'), { filename: '000.txt' });
    const raws = factsOf(doc).figures.map((f) => doc.source.slice(f.start, f.end)).join(' ');
    // years, 党的二十大, 二十届三中全会, 第一议题, 三会一课, 三项制度, 三函两书, 两法衔接, 一把手, 一是, (三), 二等奖
    for (const s of ['2024', '二十', '三中', '第一', '三项', '三函', '两法', '一把', '一是', '(三)', '三位一体', '二等']) {
      expect(raws).not.toContain(s);
    }
  });

  it('000: full detail of some figures', () => {
    const doc = parseDocument(seedText('000_123d78033956bda4.txt'), { filename: '000.txt' });
    const figures = factsOf(doc).figures;
    const money = figures.find((f) => f.numeral === '178.4万')!;
    expect(money).toMatchObject({
      value: 1784000, raw: '178.4万元', unit: '元', writtenUnit: '万元', scale: 1e4, form: 'arabic', label: '金额',
      labelSide: 'before', approximate: null, isPercent: false, sectionId: 4, paragraphIndex: 6, where: 'paragraph',
    });
    expect(doc.source.slice(money.start, money.end)).toBe('178.4万元');
    expect(doc.pointAt(money.start)).toMatchObject({ line: 12, column: 49 });
    const books = figures.find((f) => f.raw === '1500余本')!;
    expect(books).toMatchObject({ value: 1500, unit: '本', approximate: '余', approximations: ['余'], sectionId: 0, paragraphIndex: 1 });
    const months = figures.find((f) => f.raw === '四个月')!;
    expect(months).toMatchObject({ value: 4, unit: '个月', form: 'chinese', label: '专项整治行动', labelSide: 'after' });
    const percent = figures.find((f) => f.isPercent)!;
    expect(percent).toMatchObject({ value: 90, unit: '%', approximate: '以上', raw: '90%以上' });
    // the section ids are those of the enclosing sections: (一) under 三、 is section 3
    expect(doc.allSections[3]!.heading.title).toBe('严格落实行政执法三项制度,充分发挥政府法律顾问作用');
    expect(figures.filter((f) => f.sectionId === 3).map((f) => f.value)).toEqual([3340, 193, 90, 67, 870]);
  });

  it('003_fdb2e5dd79f7ab48.txt: every figure', () => {
    const doc = parseDocument(seedText('003_fdb2e5dd79f7ab48.txt'), { filename: '003.txt' });
    const figures = factsOf(doc).figures;
    expect(figures).toHaveLength(13);
    expect(figures.map((f) => figureRow(doc, f))).toEqual(SEED_003);
    // “坚守执法20年” is a name; 三年行动 is a name; 第二届 is an ordinal; 2025中国健康科普大赛 is a year; 一篇 is an article
    const raws = figures.map((f) => f.raw);
    expect(raws).not.toContain('20年');
    expect(raws.some((r) => r.includes('三年'))).toBe(false);
    expect(figures.find((f) => f.raw === '100%')).toMatchObject({ value: 100, isPercent: true, unit: '%', label: '优秀率' });
    expect(figures.find((f) => f.raw === '200余间次')).toMatchObject({ value: 200, unit: '间次', approximate: '余' });
  });

  it('003 as Markdown: the same figures at the Markdown source positions', async () => {
    await loadMarkdownSupport();
    const md = seedText('003_fdb2e5dd79f7ab48.md');
    const doc = parseDocument(md, { filename: '003.md' });
    const figures = factsOf(doc).figures;
    expect(figures).toHaveLength(13);
    const txt = parseDocument(seedText('003_fdb2e5dd79f7ab48.txt'), { filename: '003.txt' });
    expect(figures.map((f) => [f.raw, f.value, f.unit, f.label])).toEqual(factsOf(txt).figures.map((f) => [f.raw, f.value, f.unit, f.label]));
    for (const f of figures) expect(md.slice(f.start, f.end)).toBe(f.raw);
    expect(doc.pointAt(figures[0]!.start)).toMatchObject({ line: 11, column: 114 });
  });
});

/** [raw, value, unit, label, approximate?] of each figure in a sentence */
function brief(text: string): Array<[string, number, string | null, string, ...string[]]> {
  return scanFigures(text).map((f: TextFigure) => {
    const row: [string, number, string | null, string, ...string[]] = [f.raw, f.value, f.unit, f.label];
    if (f.approximations.length) row.push(f.approximations.join('/'));
    return row;
  });
}

describe('scanFigures on sentences from other reports', () => {
  it.each<[string, Array<[string, number, string | null, string, ...string[]]>]>([
    ['全年受理行政复议案件十二件,办结率99%。', [['十二件', 12, '件', '行政复议案件'], ['99%', 99, '%', '办结率']]],
    ['共审查规范性文件一千二百件,涉及金额4.53亿元。', [['一千二百件', 1200, '件', '规范性文件'], ['4.53亿元', 453000000, '元', '金额']]],
    ['培训执法人员两万三千人次,覆盖率达到百分之九十。', [['两万三千人次', 23000, '人次', '培训执法人员'], ['百分之九十', 90, '%', '覆盖率']]],
    ['罚没款共计1,200万元。', [['1,200万元', 12000000, '元', '罚没款']]],
    ['近3年累计办理案件30余万件。', [['近3年', 3, '年', '', '近'], ['30余万件', 300000, '件', '案件', '余']]],
    ['组织开展合法性审查12件。', [['12件', 12, '件', '合法性审查']]],
    ['法律顾问列席会议35次,提供法律咨询服务200余次,审核合同金额约3.2亿元。', [
      ['35次', 35, '次', '会议'], ['200余次', 200, '次', '法律咨询服务', '余'], ['约3.2亿元', 320000000, '元', '合同金额', '约'],
    ]],
    ['全年共办理政府信息公开申请56件,按时答复率100%。', [['56件', 56, '件', '政府信息公开申请'], ['100%', 100, '%', '按时答复率']]],
    ['全市共有执业律师3500名、律师事务所120家。', [['3500名', 3500, '名', '执业律师'], ['120家', 120, '家', '律师事务所']]],
    ['其中约100人左右参加旁听。', [['约100人左右', 100, '人', '', '约/左右']]],
    ['开展执法检查超过1500次,签约120家。', [['超过1500次', 1500, '次', '执法检查', '超过'], ['120家', 120, '家', '']]],
    ['拨打12345热线反映问题126件,5G基站建设30座。', [['126件', 126, '件', '热线反映问题'], ['30座', 30, '座', '基站建设']]],
    ['全县10多家单位参加,二十余次,5万余元。', [['10多家', 10, '家', '单位', '多'], ['二十余次', 20, '次', '', '余'], ['5万余元', 50000, '元', '', '余']]],
    ['现有在编执法人员48人,其中持证46人,持证率95.8%。', [['48人', 48, '人', '在编执法人员'], ['46人', 46, '人', '持证'], ['95.8%', 95.8, '%', '持证率']]],
  ])('%s', (text, expected) => {
    expect(brief(text)).toEqual(expected);
  });

  it('ranges: unit on both ends or only on the second', () => {
    const f = scanFigures('13~17万元,9亿~16亿,15%~30%,15~30%,三至五年,用3-5年时间,三四个月。');
    expect(f.map((x) => [x.raw, x.value, x.unit, x.range])).toEqual([
      ['13~17万元', 130000, '元', { from: 130000, to: 170000, unitOnBoth: false }],
      ['9亿~16亿', 900000000, null, { from: 900000000, to: 1600000000, unitOnBoth: true }],
      ['15%~30%', 15, '%', { from: 15, to: 30, unitOnBoth: true }],
      ['15~30%', 15, '%', { from: 15, to: 30, unitOnBoth: false }],
      ['三至五年', 3, '年', { from: 3, to: 5, unitOnBoth: false }],
      ['3-5年', 3, '年', { from: 3, to: 5, unitOnBoth: false }],
      ['三四个月', 3, '个月', { from: 3, to: 4, unitOnBoth: true }],
    ]);
    expect(f[1]!.writtenUnit).toBe('亿');
    expect(f[6]!.approximate).toBe('概数');
    expect(f[5]!.label).toBe('时间');
  });

  it.each([
    '严格落实“三项制度”和三项制度,党的二十大,二十届三中全会,十四届全国人大二次会议。',
    '十四五期间,“十五五”规划,八五普法,第一议题,三会一课,三函两书,两法衔接,一把手,两个维护,四个意识,三位一体,八项规定。',
    '依据《关于印发2025年工作要点的通知》(深府〔2019〕28号)要求,见罗府办〔2024〕3号。',
    '咨询电话0755-26543210,手机13800138000,拨打12345热线,会议于8:30召开。',
    '参照GB/T 9704-2012执行,ISO9001认证,V2.0版本。',
    '(1)加强领导;1.完善机制;2、健全制度;第3次会议;第二届比赛;一是加强;(三)推进。',
    '选取一家医院作为试点,作为一项重要职责,一次性告知,一站式服务。',
    '2025年12月2日,2024年度,二〇二五年,上半年,一季度,2021—2025年。',
    '获得“坚守执法20年”荣誉称号,“100%满意”工程,十分重要,千方百计,百姓。',
    '区行政执法质量提升三年行动,2025中国健康科普大赛。',
  ])('no figures in: %s', (text) => {
    expect(scanFigures(text).map((f) => f.raw)).toEqual([]);
  });

  it('skips a heading ordinal and keeps offsets into the text', () => {
    const text = '三、全年办理案件5件';
    const [f] = scanFigures(text, 2);
    expect(f).toMatchObject({ raw: '5件', start: 8, end: 10, label: '案件' });
    expect(scanFigures('十、其他')).toEqual([]);
  });

  it('a Markdown report: figures in headings and emphasis, with source offsets', async () => {
    await loadMarkdownSupport();
    const md = [
      '# 某市司法局2023年法治政府建设年度报告',
      '',
      '## 一、2023年度主要举措和成效',
      '',
      '全年办理行政复议案件**120件**,纠错率*8.3%*。',
      '',
      '## 二、2024年工作安排',
      '',
      '力争培训执法人员500人次以上。',
    ].join('\n');
    const doc = parseDocument(md, { filename: 'r.md' });
    const figures = factsOf(doc).figures;
    expect(figures.map((f) => [md.slice(f.start, f.end), f.value, f.unit, f.label, f.sectionId, f.where])).toEqual([
      ['120件', 120, '件', '行政复议案件', 0, 'paragraph'],
      ['8.3%', 8.3, '%', '纠错率', 0, 'paragraph'],
      ['500人次以上', 500, '人次', '培训执法人员', 1, 'paragraph'],
    ]);
    expect(doc.pointAt(figures[0]!.start)).toMatchObject({ line: 5, column: 13 });
  });
});
