#!/usr/bin/env node
/**
 * Writes the seed-mutation drafts of the accuracy corpus (test/corpus/seed*.txt|md and their
 * .expected.json). The output files are committed: they are the labelled data, and reviewers
 * read them. Rerun after changing a mutation:
 *
 *   node test/corpus/generate.mjs
 *
 * Each mutation starts from a seed with its known defects FIXED (seeds/README.md: 000 lines 44
 * and 47 doubled words, 003 line 19 "四 、", 003 lines 12, 14, 22 stray spaces) and injects
 * exactly one defect. The expected findings are written by hand here (as a marker: a substring
 * that occurs on exactly one line of the result), never taken from the linter's output.
 *
 * Hand-written drafts (every other file in test/corpus/) are not touched by this script.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const seeds = join(here, '..', '..', 'seeds');
const read = (name) => readFileSync(join(seeds, name), 'utf8');

/** replace `from` by `to` in `text`; `from` must occur exactly once */
function replaceOnce(text, from, to) {
  const first = text.indexOf(from);
  if (first < 0) throw new Error(`not found: ${from}`);
  if (text.indexOf(from, first + 1) >= 0) throw new Error(`not unique: ${from}`);
  return text.slice(0, first) + to + text.slice(first + from.length);
}

// ---------------------------------------------------------------- the bases: seeds, defects fixed

const ORIGINAL = {
  s000: read('000_123d78033956bda4.txt'),
  s003: read('003_fdb2e5dd79f7ab48.txt'),
  s003md: read('003_fdb2e5dd79f7ab48.md'),
};

function fix003(text) {
  let t = replaceOnce(text, '四 、2024年', '四、2024年');
  t = replaceOnce(t, '信用修复告知书 “两书同送”', '信用修复告知书“两书同送”');
  t = replaceOnce(t, '“两法衔接” 双向衔接机制', '“两法衔接”双向衔接机制');
  t = replaceOnce(t, '运营管理各环节。 选取', '运营管理各环节。选取');
  return t;
}

const BASE = {
  s000: replaceOnce(replaceOnce(ORIGINAL.s000, '明确分类分类合规', '明确分类合规'), '二是提升提升行政争议', '二是提升行政争议'),
  s003: fix003(ORIGINAL.s003),
  s003md: fix003(ORIGINAL.s003md),
};

const EXT = { s000: 'txt', s003: 'txt', s003md: 'md' };
const PREFIX = { s000: 'seed000', s003: 'seed003', s003md: 'seed003md' };

// ---------------------------------------------------------------- mutations

/** operations on a text */
const sub = (from, to) => (t) => replaceOnce(t, from, to);
/** delete the whole line that contains `marker` */
const deleteLine = (marker) => (t) => {
  const lines = t.split('\n');
  const hits = lines.flatMap((l, i) => (l.includes(marker) ? [i] : []));
  if (hits.length !== 1) throw new Error(`deleteLine: ${hits.length} lines contain ${marker}`);
  lines.splice(hits[0], 1);
  return lines.join('\n');
};
/** delete the lines from the one containing `from` up to (not including) the one containing `to` */
const deleteBlock = (from, to) => (t) => {
  const lines = t.split('\n');
  const i = lines.findIndex((l) => l.includes(from));
  const j = lines.findIndex((l) => l.includes(to));
  if (i < 0 || j <= i) throw new Error(`deleteBlock: ${from} .. ${to}`);
  lines.splice(i, j - i);
  return lines.join('\n');
};
/** swap two consecutive blocks of lines: [a, b) and [b, c), each given by the marker of its first line; c by the marker of the line after */
const swapBlocks = (a, b, c) => (t) => {
  const lines = t.split('\n');
  const at = (m) => {
    const hits = lines.flatMap((l, i) => (l.includes(m) ? [i] : []));
    if (hits.length !== 1) throw new Error(`swapBlocks: ${hits.length} lines contain ${m}`);
    return hits[0];
  };
  const [i, j, k] = [at(a), at(b), at(c)];
  return [...lines.slice(0, i), ...lines.slice(j, k), ...lines.slice(i, j), ...lines.slice(k)].join('\n');
};
const chain = (...ops) => (t) => ops.reduce((x, op) => op(x), t);

const RW = 'repeated-word';
const HS = 'heading-sequence';
const SS = 'stray-space';
const PW = 'punctuation-width';
const DP = 'doubled-punctuation';
const PP = 'paired-punctuation';
const PI = 'personal-info';
const FR = 'figure-relations';
const RS = 'required-sections';

/**
 * Both seeds were NFKC-folded: half-width , ; : ( ) throughout (seeds/README.md). That is a real
 * defect of every draft made from them, reported once per file at the first such mark, which is
 * on line 1 of both seeds.
 */
const NFKC = [PW, '2024年,在区委区政府|2025年,在区委、区政府'];
const CT = 'canonical-term';
const RT = 'relative-time';
const PS = 'previous-shortcomings';
/**
 * Findings every draft of a base keeps while its line survives the mutation: the seeds' own
 * 全方面 (canonical-term) and their relative years (relative-time: 今年, and 下一年度 in a heading).
 */
const SEED_WIDE = {
  s000: [[CT, '全方面'], [RT, '今年产生行政检查档案'], [RT, '今年新增的投诉热点'], [RT, '下一年度法治政府建设主要安排']],
  s003: [[RT, '今年重点工作'], [RT, '今年我局起草'], [RT, '下一年度推进法治政府建设的主要安排']],
};
SEED_WIDE.s003md = SEED_WIDE.s003;
/** the sentence or heading that says how last year's shortcomings were fixed, per base */
const RECTIFICATION = { s000: '针对2023年跨部门综合监管制度不健全的问题', s003: '2024年法治建设不足整改情况', s003md: '2024年法治建设不足整改情况' };

/**
 * name, base, what was done, the operation, and the expected findings as [ruleId, marker]:
 * the finding is expected on the one line of the result that contains the marker.
 */
const MUTATIONS = [
  // ------------------------------------------------------------ the seeds as published
  { name: 'original', base: 's000', original: true, note: 'the seed as published: 分类分类 (44), 提升提升 (47)',
    expect: [[RW, '明确分类分类合规'], [RW, '二是提升提升行政争议']] },
  { name: 'original', base: 's003', original: true, note: 'the seed as published: 四 、 (19); stray spaces (12, 14, 22)',
    expect: [[HS, '四 、2024年'], [SS, '信用修复告知书 “两书同送”'], [SS, '“两法衔接” 双向衔接机制'], [SS, '运营管理各环节。 选取']] },
  { name: 'original', base: 's003md', original: true, note: 'the Markdown rendering as published: ## 四 、; stray spaces',
    expect: [[HS, '四 、2024年'], [SS, '信用修复告知书 “两书同送”'], [SS, '“两法衔接” 双向衔接机制'], [SS, '运营管理各环节。 选取']] },
  // ------------------------------------------------------------ the bases, defects fixed: silent
  { name: 'clean', base: 's000', op: (t) => t, note: 'known defects fixed', expect: [] },
  { name: 'clean', base: 's003', op: (t) => t, note: 'known defects fixed', expect: [] },
  { name: 'clean', base: 's003md', op: (t) => t, note: 'known defects fixed', expect: [] },

  // ------------------------------------------------------------ repeated-word
  { name: 'rw-abab-body', base: 's000', note: 'ABAB verb in a body paragraph',
    op: sub('扎实推进依法行政工作', '扎实推进推进依法行政工作'), expect: [[RW, '推进推进依法行政']] },
  { name: 'rw-abab-heading', base: 's000', note: 'ABAB verb in a (二)-level heading',
    op: sub('推动医院高质量发展', '推动推动医院高质量发展'), expect: [[RW, '推动推动医院']] },
  { name: 'rw-abab-noun', base: 's000', note: 'ABAB noun',
    op: sub('对医疗机构进行评分', '对医疗机构医疗机构进行评分'), expect: [[RW, '医疗机构医疗机构进行评分']] },
  { name: 'rw-de-de', base: 's000', note: 'doubled 的',
    op: sub('作为法治政府建设的首要任务', '作为法治政府建设的的首要任务'), expect: [[RW, '的的首要任务']] },
  { name: 'rw-le-le', base: 's000', note: 'doubled 了',
    op: sub('我局完成了10名执法业务骨干', '我局完成了了10名执法业务骨干'), expect: [[RW, '完成了了10名']] },
  { name: 'rw-long-4', base: 's000', note: 'a four-character word written twice',
    op: sub('提高监督管理水平和效能', '提高监督管理监督管理水平和效能'), expect: [[RW, '监督管理监督管理']] },
  { name: 'rw-triple', base: 's000', note: 'three copies: one finding',
    op: sub('进一步拓展医护人脸AI识别技术应用', '进一步拓展拓展拓展医护人脸AI识别技术应用'), expect: [[RW, '拓展拓展拓展']] },
  { name: 'rw-he-he', base: 's003', note: 'doubled 和',
    op: sub('严格依法决策和管理', '严格依法决策和和管理'), expect: [[RW, '决策和和管理']] },
  { name: 'rw-zai-zai', base: 's003', note: 'doubled 在, in a heading',
    op: sub('公职律师在依法行政方面的作用。', '公职律师在在依法行政方面的作用。'), expect: [[RW, '在在依法行政']] },
  { name: 'rw-abab-kaizhan', base: 's003', note: 'ABAB in a 1.-level inline heading paragraph',
    op: sub('组织开展公平竞争政策', '组织开展开展公平竞争政策'), expect: [[RW, '开展开展公平竞争']] },
  { name: 'rw-long-6', base: 's003', note: 'a six-character phrase written twice, in an inline heading',
    op: sub('完善医疗综合监管和信用监管机制。', '完善医疗综合监管和信用监管机制信用监管机制。'), expect: [[RW, '信用监管机制信用监管机制']] },
  { name: 'rw-dui-dui', base: 's003', note: 'doubled 对',
    op: sub('对往年制定的规范性文件定期清理', '对对往年制定的规范性文件定期清理'), expect: [[RW, '对对往年']] },
  { name: 'rw-abab-preamble', base: 's003', note: 'ABAB in the opening paragraph',
    op: sub('推动法治建设稳步推进', '推动法治建设稳步推进稳步推进'), expect: [[RW, '稳步推进稳步推进']] },
  { name: 'rw-md-heading', base: 's003md', note: 'ABAB in a Markdown ### heading',
    op: sub('### (二)开展卫健重点领域执法,规范涉企检查。', '### (二)开展卫健重点领域执法,规范涉企检查规范涉企检查。'),
    expect: [[RW, '规范涉企检查规范涉企检查']] },
  { name: 'rw-md-de-de', base: 's003md', note: 'doubled 的 in a Markdown paragraph',
    op: sub('加强与我区及市医疗纠纷调解委员会的合作', '加强与我区及市医疗纠纷调解委员会的的合作'), expect: [[RW, '委员会的的合作']] },
  { name: 'rw-md-abab', base: 's003md', note: 'ABAB in a Markdown 1.-paragraph',
    op: sub('强化执法人员法治意识和业务能力', '强化执法人员法治意识法治意识和业务能力'), expect: [[RW, '法治意识法治意识']] },

  // ------------------------------------------------------------ heading-sequence
  { name: 'hs-gap-paren', base: 's000', note: '(七) followed by (九): gap',
    op: sub('(八)深化“放管服”改革', '(九)深化“放管服”改革'), expect: [[HS, '(九)深化']] },
  { name: 'hs-gap-section-deleted', base: 's003', note: 'the whole section 三、 deleted: 四、 follows 二、',
    op: deleteBlock('三、2025年法治建设主要举措和成效', '四、2024年法治建设不足整改情况'),
    // the deleted section was the report's 主要举措和成效: a required part is now missing (reported on line 1)
    expect: [[HS, '四、2024年法治建设不足整改情况'], [RS, '2025年,在区委、区政府']] },
  { name: 'hs-gap-heading-deleted', base: 's003', note: 'only the heading line 三、 deleted: 四、 follows 二、, and the (一)…(四) of 三、 now follow the (一)(二) of 二、',
    op: deleteLine('三、2025年法治建设主要举措和成效'),
    expect: [[HS, '(一)严格执行规范性文件'], [HS, '四、2024年法治建设不足整改情况']] },
  { name: 'hs-gap-arabic', base: 's003', note: '3. paragraph deleted: 4. follows 2.',
    op: deleteLine('3.加强队伍建设'), expect: [[HS, '4.强化部门协同']] },
  { name: 'hs-repeat-paren', base: 's000', note: '(一) (一) (三): the second (一) is a repeat',
    op: sub('(二)加大重点领域执法力度', '(一)加大重点领域执法力度'), expect: [[HS, '(一)加大重点领域']] },
  { name: 'hs-repeat-cn', base: 's003', note: '一 二 三 四 四: the second 四、 is a repeat',
    op: sub('五、下一年度推进法治政府建设', '四、下一年度推进法治政府建设'), expect: [[HS, '四、下一年度']] },
  { name: 'hs-order-swap', base: 's000', note: 'sections (三) and (四) of 五、 swapped without renumbering',
    op: swapBlocks('(三)持续落实柔性执法', '(四)探索医疗机构合规建设', '(五)健全行政争议化解体系'),
    expect: [[HS, '(四)探索医疗机构'], [HS, '(三)持续落实柔性执法']] },
  { name: 'hs-start', base: 's003', note: 'first (一) of 三、 written as (二)',
    op: sub('(一)严格执行规范性文件', '(二)严格执行规范性文件'), expect: [[HS, '(二)严格执行规范性文件']] },
  { name: 'hs-delim-arabic', base: 's003', note: '1、 instead of 1.',
    op: sub('1.加大重点领域执法力度', '1、加大重点领域执法力度'), expect: [[HS, '1、加大']] },
  { name: 'hs-delim-cn-point', base: 's000', note: '四. instead of 四、',
    op: sub('四、存在问题和不足', '四.存在问题和不足'), expect: [[HS, '四.存在问题']] },
  { name: 'hs-delim-cn-comma', base: 's003', note: '二, (NFKC comma) instead of 二、',
    op: sub('二、党政主要负责人', '二,党政主要负责人'), expect: [[HS, '二,党政主要负责人']] },
  { name: 'hs-paren-delim', base: 's000', note: '(一)、 : punctuation after a bracketed ordinal',
    op: sub('(一)促进公共卫生领域', '(一)、促进公共卫生领域'), expect: [[HS, '(一)、促进']] },
  { name: 'hs-mixed-brackets', base: 's003', note: '(三） : half-width open, full-width close',
    op: sub('(三)积极落实“谁执法谁普法”', '(三）积极落实“谁执法谁普法”'), expect: [[HS, '(三）积极落实']] },
  { name: 'hs-space-inside', base: 's000', note: '( 三) : space inside the ordinal',
    op: sub('(三)落实医疗机构分级分类管理', '( 三)落实医疗机构分级分类管理'), expect: [[HS, '( 三)落实']] },
  { name: 'hs-space-after', base: 's000', note: '五、 下一年度 : space between ordinal and heading text',
    op: sub('五、下一年度法治政府建设主要安排', '五、 下一年度法治政府建设主要安排'), expect: [[HS, '五、 下一年度']] },
  { name: 'hs-md-repeat', base: 's003md', note: 'Markdown: ## 二、 twice',
    op: sub('## 三、2025年法治建设主要举措和成效', '## 二、2025年法治建设主要举措和成效'), expect: [[HS, '## 二、2025年']] },
  { name: 'hs-md-paren-delim', base: 's003md', note: 'Markdown: ### (四)、',
    op: sub('### (四)医疗矛盾纠纷多元化解。', '### (四)、医疗矛盾纠纷多元化解。'), expect: [[HS, '(四)、医疗矛盾']] },
  { name: 'hs-md-gap-arabic', base: 's003md', note: 'Markdown: 1. 2. 4. 4. (3. written as 4.)',
    op: sub('3.加强队伍建设', '4.加强队伍建设'), expect: [[HS, '4.加强队伍建设']] },

  // ------------------------------------------------------------ required-sections
  { name: 'rs-no-plan', base: 's003', note: 'the 下一年度 section (五、 to 特此报告) deleted: next year\'s plan is missing',
    op: deleteBlock('五、下一年度推进法治政府建设的主要安排', '特此报告。'), expect: [[RS, '2025年,在区委、区政府']] },
  { name: 'rs-no-shortcomings', base: 's000', note: 'the 存在问题和不足 section deleted (and 五、 renumbered 四、): shortcomings are missing',
    op: chain(deleteBlock('四、存在问题和不足', '五、下一年度法治政府建设主要安排'), sub('五、下一年度法治政府建设主要安排', '四、下一年度法治政府建设主要安排')),
    expect: [[RS, '2024年,在区委区政府']] },

  // ------------------------------------------------------------ stray-space
  { name: 'ss-between-han', base: 's000', note: 'a space between two Chinese words',
    op: sub('认真做好述法工作', '认真做好 述法工作'), expect: [[SS, '认真做好 述法工作']] },
  { name: 'ss-before-quote', base: 's003', note: 'a space before an opening quotation mark',
    op: sub('持续发挥领导干部“头雁”作用', '持续发挥领导干部 “头雁”作用'), expect: [[SS, '领导干部 “头雁”']] },
  { name: 'ss-after-period', base: 's003md', note: 'a space after a 句号, in Markdown',
    op: sub('细化任务分工。组织开展', '细化任务分工。 组织开展'), expect: [[SS, '细化任务分工。 组织开展']] },

  // ------------------------------------------------------------ doubled-punctuation
  { name: 'dp-period', base: 's000', note: '。。 at the end of a sentence',
    op: sub('提升医疗机构依法执业水平。2024年', '提升医疗机构依法执业水平。。2024年'), expect: [[DP, '依法执业水平。。2024年']] },
  { name: 'dp-dunhao', base: 's003', note: '、、 in a series',
    op: sub('质量安全、运营管理各环节', '质量安全、、运营管理各环节'), expect: [[DP, '质量安全、、运营管理']] },
  { name: 'dp-period-md', base: 's003md', note: '。。 at the end of a Markdown paragraph',
    op: sub('提高纠纷化解率。', '提高纠纷化解率。。'), expect: [[DP, '提高纠纷化解率。。']] },

  // ------------------------------------------------------------ paired-punctuation
  { name: 'pp-unclosed-quote', base: 's000', note: 'closing ” lost: “三函两书 进行警示提醒',
    op: sub('及时发放“三函两书”进行警示提醒', '及时发放“三函两书进行警示提醒'), expect: [[PP, '发放“三函两书进行']] },
  { name: 'pp-unclosed-title', base: 's003', note: 'closing 》 lost',
    op: sub('发放《履行主体责任提示函》等', '发放《履行主体责任提示函等'), expect: [[PP, '《履行主体责任提示函等']] },
  { name: 'pp-stray-close', base: 's000', note: 'opening “ lost: 严格落实第一议题”制度',
    op: sub('严格落实“第一议题”制度', '严格落实第一议题”制度'), expect: [[PP, '严格落实第一议题”制度']] },

  // ------------------------------------------------------------ personal-info
  { name: 'pi-mobile', base: 's000', note: 'a mobile number left in a paragraph',
    op: sub('建立医患纠纷调解机制,', '建立医患纠纷调解机制(联系人:王某,手机13912345678),'), expect: [[PI, '手机13912345678']] },
  { name: 'pi-id-card', base: 's003', note: "a party's ID-card number in a case description",
    op: sub('申请法院强制执行4宗。', '申请法院强制执行4宗(其中当事人李某,身份证号11010519491231002X)。'), expect: [[PI, '11010519491231002X']] },
  { name: 'pi-email', base: 's003md', note: 'a private mailbox given as the contact',
    op: sub('解决群众诉求。', '解决群众诉求。群众可通过邮箱lhwjj_xinfang@163.com反映问题。'), expect: [[PI, 'lhwjj_xinfang@163.com']] },

  // ------------------------------------------------------------ figure-relations
  { name: 'fr-appearances', base: 's003', note: '出庭应诉 18 of 16 lawsuits',
    op: sub('行政机关负责人出庭应诉3宗', '行政机关负责人出庭应诉18宗'), expect: [[FR, '出庭应诉18宗']] },
  { name: 'fr-appearances-md', base: 's003md', note: '出庭应诉 more than lawsuits, in Markdown',
    op: sub('行政诉讼案件16宗', '行政诉讼案件2宗'), expect: [[FR, '行政诉讼案件2宗']] },
  { name: 'fr-appearances-000', base: 's000', note: 'figures added to seed 000 that do not agree',
    op: sub('促行政争议多元化解、实质化解。', '促行政争议多元化解、实质化解。全年办理行政诉讼案件5宗,行政机关负责人出庭应诉7宗。'),
    expect: [[FR, '出庭应诉7宗']] },

  // ------------------------------------------------------------ correct edits that must stay silent
  { name: 'ok-appendix-list', base: 's000', note: 'an attachment note (附件:1.…) before the signature (GB/T 9704 §7.3.4); its 2. is not a heading out of sequence',
    op: sub('\n深圳市南山区卫生健康局\n', '\n附件:1.《南山区社会办医疗机构量化分级分类管理工作方案》\n2.《南山区改革完善医疗卫生行业综合监管制度实施方案》\n深圳市南山区卫生健康局\n'),
    expect: [] },
  { name: 'ok-grades-in-prose', base: 's000', note: '一、二级医院 and 1、2月 in prose; 三是 / 第一 enumerations',
    op: sub('执法人员需负责全区1200家社会医疗机构', '执法人员需负责全区1200家社会医疗机构(其中一、二级医院5家,1、2月新增机构12家)'),
    expect: [] },
  { name: 'ok-reduplication', base: 's003', note: 'legitimate reduplication added to a paragraph',
    op: sub('及时化解信访纠纷,解决群众诉求。', '及时化解信访纠纷,层层压实责任,做到事事有回应、件件有着落,推动诉求与责任一一对应,时时处处把群众利益放在心上,解决群众诉求。'),
    expect: [] },
  { name: 'ok-reduplication', base: 's000', note: 'words that merely meet: 学习习近平, 人民民主, 工作作风, 2024年年底',
    op: sub('以身作则带头学法守法用法。', '以身作则带头学法守法用法,带头学习习近平法治思想,践行全过程人民民主,持续改进工作作风,确保2024年年底前完成述法工作。'),
    expect: [] },
];

const written = [];
for (const m of MUTATIONS) {
  const text = m.original ? ORIGINAL[m.base] : m.op(BASE[m.base]);
  if (!m.original && text === BASE[m.base] && m.name !== 'clean') throw new Error(`${m.name}: mutation changed nothing`);
  const lines = text.split(/\r\n|\r|\n/);
  const seedWide = (SEED_WIDE[m.base] ?? []).filter(([, marker]) => lines.some((l) => l.includes(marker)));
  const expected = [...m.expect, NFKC, ...seedWide].map(([ruleId, marker]) => {
    // a marker may offer alternatives separated by |; the first that is found counts
    const alternatives = marker.split('|');
    const chosen = alternatives.find((a) => lines.some((l) => l.includes(a))) ?? marker;
    const hits = lines.flatMap((l, i) => (l.includes(chosen) ? [i + 1] : []));
    if (hits.length !== 1) throw new Error(`${m.name}: marker "${marker}" is on ${hits.length} lines`);
    return { ruleId, line: hits[0] };
  });
  // without its rectification passage, a report is reported once, at the top
  if (RECTIFICATION[m.base] && !text.includes(RECTIFICATION[m.base])) expected.push({ ruleId: PS, line: 1 });
  expected.sort((a, b) => a.line - b.line || a.ruleId.localeCompare(b.ruleId));
  const base = `${PREFIX[m.base]}-${m.name}`;
  if (written.includes(base)) throw new Error(`duplicate name ${base}`);
  written.push(base);
  writeFileSync(join(here, `${base}.${EXT[m.base]}`), text);
  writeFileSync(join(here, `${base}.expected.json`), JSON.stringify(expected, null, 2) + '\n');
}
console.log(`wrote ${written.length} drafts`);
