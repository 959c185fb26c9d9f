import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/repeated-word.js';
import { applyFixes, runRule } from '../helpers.js';

const SEED_2024 = 'seeds/000_123d78033956bda4.txt';
const SEED_2025 = 'seeds/003_fdb2e5dd79f7ab48.txt';

/** Legitimate text: reduplication, or two words meeting at a shared character. No finding. */
const LEGITIMATE = [
  '深入学习习近平法治思想，推动法治政府建设各项任务落地见效。',
  '坚持和发展全过程人民民主，广泛听取社会各界意见建议。',
  '持续加强机关工作作风建设，驰而不息纠治“四风”。',
  '严格落实局务会议议定事项督办制度，做到事事有回应、件件有着落。',
  '确保2024年年底前完成全部整改任务。',
  '积极参与中国国际进口博览会法律服务保障工作。',
  '为了了解群众诉求，局领导带队深入街道社区开展调研。',
  '将以案释法作为实现普法目的的重要途径。',
  '现在在办的行政复议案件均已按期受理。',
  '科学编制“十五五”规划，谋划一批法治建设重点项目。',
  '该办法自二〇〇八年五月一日起施行。',
  '自二〇二〇年起，我局连续五年开展行政执法案卷评查。',
  '层层压实安全生产责任，推动责任落实到每一个岗位。',
  '推动权责清单与部门职责一一对应，做到权责一致。',
  '把依法行政的要求体现在时时处处、方方面面。',
  '认认真真抓好每一项督察反馈问题整改。',
  '全区法治建设的的确确取得了明显成效。',
  '对重大行政决策事项，党组会要集体研究研究再作决定。',
  '全区区直单位全部配齐法制审核人员。',
  '全市市场监管系统深入开展民生领域专项执法行动。',
  '成立由区人大常委会主任任组长的工作领导小组。',
  '持续推行行政执法公示、执法全过程记录、重大执法决定法制审核制度。',
  '投入资金改造街道道路照明和无障碍设施。',
  '组织开展民主测评评议活动，全省省直机关均参加。',
  '将法治课课程纳入干部教育培训计划。',
  '召开区委全面依法治区委员会会议，审议年度工作要点。',
  '将法治建设纳入党组会议议题，每季度至少研究一次。',
  '深入开展宪法法律进机关、进社区、进学校活动。',
  '深入开展安全隐患排查查处工作，消除重大风险隐患。',
  '建立科学的质量量化考核指标体系。',
  '推进社区区域化党建与基层依法治理深度融合。',
  '获评AA级纳税信用单位，相关信息已在www.gov.cn公开。',
  '2020年以来累计受理各类案件1010件，按期办结率100%。',
  '局领导与与会代表深入交流，认真听取意见建议。',
  '要求施工单位在在建项目中全面推行实名制管理。',
  '加强对对口支援地区的法律服务和人才培训。',
  '该项改革旨在在全市范围内形成可复制可推广的经验。',
  '合同标的的金额超过100万元的，须经法律顾问审查。',
  '打造“娟娟说法”普法品牌，群众满意度持续提升。',
  '将两个服务窗口合并并实行一窗通办。',
  '执法大队大队长、法规科科长、区司法局局长参加培训。',
  '区律师协会会长、执法中队队长列席会议。',
  '将普法资料送到家家户户，确保群众应知尽知。',
  '扎扎实实推进依法行政，兢兢业业履行监管职责。',
  '一步一步推动改革举措落地见效。',
  '时时刻刻把人民群众生命安全和身体健康放在首位。',
  '建立健全舆情监测以及及时回应社会关切的工作机制。',
  '但是是否符合上位法规定，仍需进一步论证。',
  '将将来可能出现的风险纳入社会稳定风险评估范围。',
  '把把关重点放在合法性审查上。',
  // two compounds meeting at a noun: 小微企业|企业所得税, 高新技术企业|企业所得税
  '全面落实小微企业企业所得税优惠政策，减轻市场主体负担。',
  '落实高新技术企业企业所得税减免政策，惠及企业126家。',
  // the tentative ABAB of activity verbs the dictionary tags otherwise (商量 n, 交流 n, 总结 n)
  '遇到拿不准的问题，大家坐下来再商量商量。',
  '请各科室负责同志交流交流经验做法。',
  '连续三年年度考核被评为优秀等次。',
  '各部门天天有巡查、周周有通报。',
  '克服重重困难，源源不断向基层输送法治人才。',
  '党委委员、纪委委员和各科室负责人参加专题学习。',
  '邀请区人民法院院长为全体干部讲授法治课。',
  '加强学校卫生监督，保障学生生活饮用水安全。',
  '进一步规范规范性文件制定和备案审查工作。',
  '领导小组小组长由局主要负责同志担任。',
  '区政府常务会会议纪要按规定予以公开。',
  // two different words that overlap; reduplication of any word (real reports)
  '强化社会管理治理，构建共建共治共享新格局。',
  '我们来不及停下喘口气、拍打拍打身上的尘土，又踏上了新的征程。',
  '深化民族团结进步创建，建设“和和美美一家人”互嵌式社区。',
  '三百六十行，行行出状元，技能人才队伍不断壮大。',
  '街道干部走家串户，同群众合计合计，把好事办到群众心坎上。',
  '请各位代表议一议、评一评，提出宝贵意见。',
  '一年又一年，一届接一届，驰而不息抓作风建设。',
  '干部职工干干净净做事、清清白白做人。',
  '一批一批培养法治人才，一项一项抓好任务落实。',
  '做到件件有回音、桩桩有着落，群众满意度达98.6%。',
  '深入推进依法行政，把法治精神贯穿到方方面面、时时刻刻。',
];

interface Doubled {
  source: string;
  line?: number;
  column: number;
  endColumn: number;
  text: string;
  fixed: string;
  filename?: string;
}

/** Real doubling mistakes, with the exact span reported and the text after the fix. */
const DOUBLED: Doubled[] = [
  { source: '二是提升提升行政争议化解质效。', column: 3, endColumn: 7, text: '提升提升', fixed: '二是提升行政争议化解质效。' },
  { source: '明确分类分类合规、切块治理的总体建设思路。', column: 3, endColumn: 7, text: '分类分类', fixed: '明确分类合规、切块治理的总体建设思路。' },
  { source: '进一步加强加强行政执法监督。', column: 4, endColumn: 8, text: '加强加强', fixed: '进一步加强行政执法监督。' },
  { source: '2024年，我局我局深入推进依法行政。', column: 7, endColumn: 11, text: '我局我局', fixed: '2024年，我局深入推进依法行政。' },
  { source: '推动普法工作的的深入开展。', column: 7, endColumn: 9, text: '的的', fixed: '推动普法工作的深入开展。' },
  { source: '切实提高了了依法行政能力。', column: 5, endColumn: 7, text: '了了', fixed: '切实提高了依法行政能力。' },
  { source: '法治建设是是推进国家治理现代化的重要保障。', column: 5, endColumn: 7, text: '是是', fixed: '法治建设是推进国家治理现代化的重要保障。' },
  { source: '继续在在全市范围内推广“免罚清单”制度。', column: 3, endColumn: 5, text: '在在', fixed: '继续在全市范围内推广“免罚清单”制度。' },
  { source: '统筹发展和和安全，防范化解重大风险。', column: 5, endColumn: 7, text: '和和', fixed: '统筹发展和安全，防范化解重大风险。' },
  { source: '加强与与公安、法院等部门的协作配合。', column: 3, endColumn: 5, text: '与与', fixed: '加强与公安、法院等部门的协作配合。' },
  { source: '对对重大行政决策实行合法性审查全覆盖。', column: 1, endColumn: 3, text: '对对', fixed: '对重大行政决策实行合法性审查全覆盖。' },
  { source: '下一步，将将法治建设纳入年度绩效考核。', column: 5, endColumn: 7, text: '将将', fixed: '下一步，将法治建设纳入年度绩效考核。' },
  { source: '把把法治建设摆在全局工作的突出位置。', column: 1, endColumn: 3, text: '把把', fixed: '把法治建设摆在全局工作的突出位置。' },
  { source: '3名干部被被评为全市法治建设先进个人。', column: 5, endColumn: 7, text: '被被', fixed: '3名干部被评为全市法治建设先进个人。' },
  { source: '干部们们积极参与普法志愿服务。', column: 3, endColumn: 5, text: '们们', fixed: '干部们积极参与普法志愿服务。' },
  { source: '受理并并及时办结群众投诉举报。', column: 3, endColumn: 5, text: '并并', fixed: '受理并及时办结群众投诉举报。' },
  { source: '完善行政复议及及行政应诉工作机制。', column: 7, endColumn: 9, text: '及及', fixed: '完善行政复议及行政应诉工作机制。' },
  { source: '压实法治建设法治建设第一责任人职责。', column: 3, endColumn: 11, text: '法治建设法治建设', fixed: '压实法治建设第一责任人职责。' },
  { source: '充分发挥基层党组织党组织战斗堡垒作用。', column: 7, endColumn: 13, text: '党组织党组织', fixed: '充分发挥基层党组织战斗堡垒作用。' },
  { source: '全面推行行政执法三项制度三项制度。', column: 9, endColumn: 17, text: '三项制度三项制度', fixed: '全面推行行政执法三项制度。' },
  { source: '推进公平竞争审查公平竞争审查制度落实。', column: 3, endColumn: 15, text: '公平竞争审查公平竞争审查', fixed: '推进公平竞争审查制度落实。' },
  { source: '提升提升提升依法行政能力。', column: 1, endColumn: 7, text: '提升提升提升', fixed: '提升依法行政能力。' },
  { source: '深入学习习习近平法治思想。', column: 5, endColumn: 7, text: '习习', fixed: '深入学习习近平法治思想。' },
  // single characters that never double, in real-report sentences
  { source: '坚持重大事项向向区人大常委会报告、向区政协通报。', column: 7, endColumn: 9, text: '向向', fixed: '坚持重大事项向区人大常委会报告、向区政协通报。' },
  { source: '坚持从从源头上预防和化解行政争议。', column: 3, endColumn: 5, text: '从从', fixed: '坚持从源头上预防和化解行政争议。' },
  { source: '执法人员也也要接受群众监督。', column: 5, endColumn: 7, text: '也也', fixed: '执法人员也要接受群众监督。' },
  { source: '全市各级行政机关都都建立了法律顾问制度。', column: 9, endColumn: 11, text: '都都', fixed: '全市各级行政机关都建立了法律顾问制度。' },
  // ABAB of a resultative verb, a noun, an adverb; a tentative verb after an adverb that rules it out
  { source: '进一步完善完善行政决策程序。', column: 4, endColumn: 8, text: '完善完善', fixed: '进一步完善行政决策程序。' },
  { source: '扎实推进“放管服”改革，落实落实减税降费政策。', column: 13, endColumn: 17, text: '落实落实', fixed: '扎实推进“放管服”改革，落实减税降费政策。' },
  { source: '进一步梳理梳理权责清单。', column: 4, endColumn: 8, text: '梳理梳理', fixed: '进一步梳理权责清单。' },
  // the first copy ends a longer word
  { source: '区司法局编制了年度报告报告。', column: 10, endColumn: 14, text: '报告报告', fixed: '区司法局编制了年度报告。' },
  // copy-paste doubles of whole phrases
  { source: '推进法治政府建设推进法治政府建设，取得明显成效。', column: 1, endColumn: 17, text: '推进法治政府建设推进法治政府建设', fixed: '推进法治政府建设，取得明显成效。' },
  {
    source: '全面落实行政执法公示制度执法全过程记录制度重大执法决定法制审核制度全面落实行政执法公示制度执法全过程记录制度重大执法决定法制审核制度。',
    column: 1, endColumn: 67,
    text: '全面落实行政执法公示制度执法全过程记录制度重大执法决定法制审核制度全面落实行政执法公示制度执法全过程记录制度重大执法决定法制审核制度',
    fixed: '全面落实行政执法公示制度执法全过程记录制度重大执法决定法制审核制度。',
  },
  // a double split by an invisible character (the character itself: invisible-character)
  { source: '二是提升\u200B提升行政争议化解质效。', column: 3, endColumn: 8, text: '提升\u200B提升', fixed: '二是提升\u200B行政争议化解质效。' },
  // in a heading, in the title, in the signature
  {
    source: '一、主要举措和成效\n(二)加强加强组织领导\n局党组履行法治建设主体责任。\n',
    line: 2, column: 4, endColumn: 8, text: '加强加强',
    fixed: '一、主要举措和成效\n(二)加强组织领导\n局党组履行法治建设主体责任。\n',
  },
  {
    source: '某区司法局2024年法治政府建设年度报告报告\n一、主要举措和成效\n正文。\n',
    line: 1, column: 19, endColumn: 23, text: '报告报告',
    fixed: '某区司法局2024年法治政府建设年度报告\n一、主要举措和成效\n正文。\n',
  },
  {
    source: '一、主要举措和成效\n正文。\n某区司法局司法局\n2025年1月6日\n',
    line: 3, column: 3, endColumn: 9, text: '司法局司法局',
    fixed: '一、主要举措和成效\n正文。\n某区司法局\n2025年1月6日\n',
  },
  // Markdown: emphasis around or inside the doubled text; the fix never leaves empty markup
  {
    filename: 'draft.md',
    source: '## 一、提升提升依法行政能力\n\n正文。\n',
    line: 1, column: 6, endColumn: 10, text: '提升提升',
    fixed: '## 一、提升依法行政能力\n\n正文。\n',
  },
  {
    filename: 'draft.md',
    source: '全面**推进推进**严格规范公正文明执法。\n',
    line: 1, column: 5, endColumn: 9, text: '推进推进',
    fixed: '全面**推进**严格规范公正文明执法。\n',
  },
  {
    filename: 'draft.md',
    source: '推进**推进**行政执法“三项制度”。\n',
    line: 1, column: 1, endColumn: 7, text: '推进**推进',
    fixed: '**推进**行政执法“三项制度”。\n',
  },
  {
    filename: 'draft.md',
    source: '*加强*加强行政执法监督。\n',
    line: 1, column: 2, endColumn: 7, text: '加强*加强',
    fixed: '*加强*行政执法监督。\n',
  },
  {
    filename: 'draft.md',
    source: '推动普法工作**的的**深入开展。\n',
    line: 1, column: 9, endColumn: 11, text: '的的',
    fixed: '推动普法工作**的**深入开展。\n',
  },
];

describe('repeated-word: Intl.Segmenter behaviour the rule relies on', () => {
  const seg = new Intl.Segmenter('zh', { granularity: 'word' });
  const split = (s: string) => Array.from(seg.segment(s), (x) => x.segment).join('|');

  it('splits words that meet at a shared character where the rule expects', () => {
    expect(split('学习习近平')).toMatch(/^学习\|习/);
    expect(split('人民民主')).toBe('人民|民主');
    expect(split('会议议定')).toMatch(/^会议\|议/);
    expect(split('2024年年底')).toBe('2024|年|年底');
    expect(split('为了了解')).toBe('为了|了解');
    expect(split('目的的')).toBe('目的|的');
    expect(split('的的确确')).toBe('的|的确|确');
  });

  it('keeps real doublings as separate words', () => {
    expect(split('提升提升')).toBe('提升|提升');
    expect(split('分类分类')).toBe('分类|分类');
    expect(split('工作的的开展')).toBe('工作|的|的|开展');
  });
});

describe('repeated-word: legitimate text', () => {
  it(`has at least 40 distinct cases`, () => {
    expect(new Set(LEGITIMATE).size).toBe(LEGITIMATE.length);
    expect(LEGITIMATE.length).toBeGreaterThanOrEqual(40);
  });

  it.each(LEGITIMATE)('%s', async (source) => {
    expect(await runRule(rule, source)).toEqual([]);
  });

  it('ignores AA of a name in quotes or 书名号', async () => {
    expect(await runRule(rule, '开展“婷婷说法”栏目建设，编印《小小普法员》读本。')).toEqual([]);
  });
});

describe('repeated-word: doubled words', () => {
  it('has at least 15 distinct cases', () => {
    expect(DOUBLED.length).toBeGreaterThanOrEqual(15);
  });

  it.each(DOUBLED)('$source', async ({ source, line = 1, column, endColumn, text, fixed, filename }) => {
    const findings = await runRule(rule, source, {}, filename);
    expect(findings.map((f) => ({ line: f.line, column: f.column, endColumn: f.endColumn, text: f.text }))).toEqual([
      { line, column, endColumn, text },
    ]);
    const out = applyFixes(source, findings);
    expect(out).toBe(fixed);
    expect(await runRule(rule, out, {}, filename)).toEqual([]);
  });

  it('gives no fix when removing a copy would cut through Markdown syntax', async () => {
    const findings = await runRule(rule, '推**进推**进行政执法。\n', {}, 'draft.md');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.fix).toBeUndefined();
  });

  it('names the text and the word in the message', async () => {
    const [doubled] = await runRule(rule, '二是提升提升行政争议化解质效。');
    expect(doubled!.message).toBe('重复词语「提升提升」：「提升」连写了两次');
    expect(doubled!.messageId).toBe('doubled');
    const [tripled] = await runRule(rule, '提升提升提升依法行政能力。');
    expect(tripled!.messageId).toBe('repeated');
    expect(tripled!.message).toBe('重复词语「提升提升提升」：「提升」连写了3次');
  });
});

describe('repeated-word: seeds', () => {
  it('finds the two real defects of the 2024 report, and nothing else', async () => {
    const source = readFileSync(SEED_2024, 'utf8');
    const findings = await runRule(rule, source);
    expect(findings.map((f) => ({ line: f.line, column: f.column, endColumn: f.endColumn, text: f.text }))).toEqual([
      { line: 44, column: 23, endColumn: 27, text: '分类分类' },
      { line: 47, column: 3, endColumn: 7, text: '提升提升' },
    ]);
    const fixed = applyFixes(source, findings);
    expect(fixed).toContain('明确分类合规');
    expect(fixed).toContain('二是提升行政争议化解质效');
    expect(fixed.length).toBe(source.length - 4);
    expect(await runRule(rule, fixed)).toEqual([]);
  });

  it('finds nothing in the 2025 report', async () => {
    expect(await runRule(rule, readFileSync(SEED_2025, 'utf8'))).toEqual([]);
  });
});

describe('repeated-word: options', () => {
  it('allow adds legitimate forms', async () => {
    const source = '组织各科室逐项核对权责清单清单。';
    expect(await runRule(rule, source)).toHaveLength(1);
    expect(await runRule(rule, source, { allow: ['清单清单'] })).toEqual([]);
  });

  it('reportTentativeVerbs reports 研究研究 but not numeral-classifier or vivid forms', async () => {
    const source = '对重大行政决策事项，党组会要集体研究研究再作决定。';
    expect(await runRule(rule, source)).toEqual([]);
    const findings = await runRule(rule, source, { reportTentativeVerbs: true });
    expect(findings.map((f) => f.text)).toEqual(['研究研究']);
    expect(applyFixes(source, findings)).toBe('对重大行政决策事项，党组会要集体研究再作决定。');
    expect(await runRule(rule, '一步一步推动改革举措落地见效。', { reportTentativeVerbs: true })).toEqual([]);
    expect(await runRule(rule, '研究研究再定。', { reportTentativeVerbs: true, allow: ['研究研究'] })).toEqual([]);
  });

  it('declares a draft-07 schema that matches the defaults', () => {
    expect(rule.meta.schema).toMatchObject({ type: 'object', additionalProperties: false });
    expect(rule.meta.defaultOptions).toEqual({ allow: [], reportTentativeVerbs: false });
  });
});

describe('repeated-word: a large input', () => {
  // speed is measured by npm run bench; this only shows 1 MB is handled, with every finding
  it('checks about 1 MB of report text', async () => {
    const seed = readFileSync(SEED_2024, 'utf8');
    const source = Array.from({ length: 90 }, () => seed).join('\n');
    const findings = await runRule(rule, source);
    expect(findings).toHaveLength(180);
  });
});

describe('repeated-word: function words the segmenter glues to a neighbour', () => {
  it('安置中的的重点: 「中的」 is one word to the segmenter, but 的的 is still a doubled word', async () => {
    const text = '一、总体情况\n要把握好安置中的的重点难点。\n';
    const found = await runRule(rule, text);
    expect(found.map((f) => [f.line, f.column, f.text])).toEqual([[2, 8, '的的']]);
  });
});
