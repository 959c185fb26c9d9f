import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getValidators } from '../../src/config/validators.js';
import type { Rule } from '../../src/rule.js';
import { allRules } from '../../src/rules/index.js';
import { builtinPacks } from '../../src/packs/load.js';
import { ROOT } from '../cli-helpers.js';
import { applyFixes, runRule } from '../helpers.js';

const seed = (name: string) => readFileSync(path.join(ROOT, 'seeds', name), 'utf8');
const PACK = JSON.parse(readFileSync(path.join(ROOT, 'rules', 'canonical-terms.json'), 'utf8')) as {
  id: string;
  recommended?: boolean;
  reportType?: string;
  rules: Array<{
    id: string;
    severity: string;
    checks: Array<{ type: string; level?: string; replace?: Array<{ wrong: string }>; patterns?: Array<string | { pattern: string }>; forms?: string[] }>;
  }>;
};
const CHECKS = PACK.rules[0]!.checks;
let rule: Rule;

beforeAll(async () => {
  const packs = builtinPacks((await getValidators(allRules)).pack);
  rule = packs.flatMap((p) => p.rules).find((r) => r.meta.id === 'canonical-term')!;
});

/** A one-paragraph report of year `year` (the title gives it: entries with a period of validity are checked against it). */
const draft = (sentence: string, year = 2025) => `某区${year}年法治政府建设年度报告\n一、总体情况\n${sentence}\n`;
const undated = (sentence: string) => `一、总体情况\n${sentence}\n`;
const run = (text: string, filename = 'draft.txt') => runRule(rule, text, {}, filename);

/**
 * One row per pack entry (key "check.entry", with a letter for extra cases):
 * [wrong sentence, the sentence after the fix (null for forbid: no fix), a correct sentence that
 * stays silent — where it can, with the entry's characters in legitimate use —, and the report
 * year of both drafts (default 2025)].
 */
const CASES: Record<string, [string, string | null, string, number?]> = {
  // c0: political formulations, names of meetings and documents
  '0.0': ['坚持以习近平新时代中国特色社会主义理论为指导。', '坚持以习近平新时代中国特色社会主义思想为指导。', '坚持以习近平新时代中国特色社会主义思想为指导，学习中国特色社会主义理论体系。'],
  '0.0b': ['学习习近平新时代中国特色社会主义思想体系。', '学习习近平新时代中国特色社会主义思想。', '学习习近平新时代中国特色社会主义思想的科学体系。'],
  '0.1': ['深入学习习近平中国特色社会主义思想。', '深入学习习近平新时代中国特色社会主义思想。', '深入学习习近平新时代中国特色社会主义思想。'],
  '0.2': ['用习近平新时代社会主义思想凝心铸魂。', '用习近平新时代中国特色社会主义思想凝心铸魂。', '用习近平新时代中国特色社会主义思想凝心铸魂。'],
  '0.3': ['紧密团结在以习近平总书记为核心的党中央周围。', '紧密团结在以习近平同志为核心的党中央周围。', '紧密团结在以习近平同志为核心的党中央周围。'],
  '0.3b': ['拥护以习近平为核心的党中央。', '拥护以习近平同志为核心的党中央。', '坚决维护习近平总书记党中央的核心、全党的核心地位。'],
  '0.4': ['在以习近平同志为总书记的党中央坚强领导下。', '在以习近平同志为核心的党中央坚强领导下。', '深入学习习近平总书记重要讲话精神，以习近平同志为核心的党中央坚强领导。'],
  '0.5': ['深入学习贯彻习近平法制思想。', '深入学习贯彻习近平法治思想。', '严格落实法制审核制度，深入学习贯彻习近平法治思想。'],
  '0.5b': ['把习近平依法治国思想作为学习重点。', '把习近平法治思想作为学习重点。', '深入贯彻落实习近平总书记全面依法治国新理念新思想新战略。'],
  '0.6': ['学习习近平总书记法治思想。', '学习习近平法治思想。', '学习习近平总书记关于法治建设的重要论述。'],
  '0.7': ['学习贯彻党的二十大会议精神。', '学习贯彻党的二十大精神。', '学习贯彻党的二十大精神，召开专题会议。'],
  '0.8': ['学习二十届三种全会精神。', '学习二十届三中全会精神。', '学习二十届三中全会精神，开展多种形式宣讲。'],
  '0.9': ['学习党的二十大三中全会精神。', '学习党的二十届三中全会精神。', '学习党的二十大和二十届三中全会精神。'],
  '0.10': ['党的第二十次代表大会胜利召开。', '党的第二十次全国代表大会胜利召开。', '党的第二十次全国代表大会胜利召开，区第九次党代会召开。'],
  '0.11': ['履行推进法治政府建设第一责任人职责。', '履行推进法治建设第一责任人职责。', '履行推进法治建设第一责任人职责，统筹推进法治政府建设。'],
  '0.12': ['落实法治建设第一负责人职责。', '落实法治建设第一责任人职责。', '主要负责人是推进法治建设第一责任人。'],
  '0.13': ['中央依法治国委员会印发通知。', '中央全面依法治国委员会印发通知。', '中央全面依法治国委员会印发通知，区委依法治区委员会召开会议。'],
  '0.14': ['落实重大执法决定法治审核制度。', '落实重大执法决定法制审核制度。', '落实重大执法决定法制审核制度，推进法治建设。'],
  '0.15': ['落实执法全程记录制度。', '落实执法全过程记录制度。', '落实执法全过程记录制度，实现执法全程留痕。'],
  '0.16': ['坚持和发展新时期“枫桥经验”。', '坚持和发展新时代“枫桥经验”。', '坚持和发展新时代“枫桥经验”，回顾新时期以来的成就。'],
  '0.17': ['推进治理能力和治理体系现代化。', '推进治理体系和治理能力现代化。', '推进国家治理体系和治理能力现代化。'],
  '0.18': ['领导干部带头遵法学法守法用法。', '领导干部带头尊法学法守法用法。', '领导干部带头尊法学法守法用法，引导群众遵法守法、学法用法。'],
  '0.18b': ['领导干部带头学法遵法用法守法。', '领导干部带头尊法学法守法用法。', '教育引导群众自觉遵法学法，做到学法守法用法。'],
  '0.19': ['带头遵法、学法、守法、用法。', '带头尊法、学法、守法、用法。', '带头尊法、学法、守法、用法，做到遵法、守法。'],
  '0.20': ['推进严格规范公证文明执法。', '推进严格规范公正文明执法。', '推进严格规范公正文明执法，规范公证、司法鉴定等法律服务。'],
  '0.21': ['推进科学立法、严格执法、公证司法、全民守法。', '推进科学立法、严格执法、公正司法、全民守法。', '推进科学立法、严格执法、公正司法、全民守法，办理公证、司法鉴定事项。'],
  '0.22': ['落实执法全过程纪录制度。', '落实执法全过程记录制度。', '落实执法全过程记录制度，拍摄执法全过程纪录片。'],
  '0.23': ['推行证明事项告之承诺制。', '推行证明事项告知承诺制。', '推行证明事项告知承诺制，将审批结果告之申请人。'],
  // c1: leaders' names in full
  '1.0': ['传达习总书记重要指示。', '传达习近平总书记重要指示。', '深入学习总书记重要讲话精神，学习主席令，传达习近平总书记重要指示。'],
  '1.0b': ['习主席强调，要坚持依法治国。', '习近平主席强调，要坚持依法治国。', '习近平主席强调，要坚持依法治国。'],
  '1.0c': ['认真学习习总书记重要讲话。', '认真学习习近平总书记重要讲话。', '认真学习习近平总书记重要讲话。'],
  // c2: verbs paired with the wrong slogan (no fix)
  '2.0': ['坚定“四个意识”。', null, '增强“四个意识”、坚定“四个自信”、做到“两个维护”。'],
  '2.1': ['增强“两个维护”。', null, '深刻领悟“两个确立”的决定性意义，增强“四个意识”。'],
  '2.2': ['做到“四个意识”。', null, '坚决做到“两个维护”，做到依法行政。'],
  // c3: fixed order
  '3.0': ['领导干部带头学法尊法守法用法。', '领导干部带头尊法学法守法用法。', '领导干部带头尊法学法守法用法，主动学法守法用法。'],
  '3.1': ['带头学法、尊法、守法、用法。', '带头尊法、学法、守法、用法。', '带头尊法、学法、守法、用法，做到知法、懂法、守法。'],
  '3.2': ['推进严格规范文明公正执法。', '推进严格规范公正文明执法。', '推进严格规范公正文明执法，推进规范公正文明执法。'],
  '3.3': ['推进科学立法、公正司法、严格执法、全民守法。', '推进科学立法、严格执法、公正司法、全民守法。', '推进科学立法、严格执法、公正司法、全民守法。'],
  '3.4': ['坚持法治政府、法治国家、法治社会一体建设。', '坚持法治国家、法治政府、法治社会一体建设。', '坚持法治国家、法治政府、法治社会一体建设，建成法治政府、法治社会、法治国家示范点。'],
  '3.5': ['坚持依法行政、依法治国、依法执政共同推进。', '坚持依法治国、依法执政、依法行政共同推进。', '坚持依法治国、依法执政、依法行政共同推进。'],
  // c4: 法治 vs 法制
  '4.0': ['加快建设法制政府。', '加快建设法治政府。', '加快建设法治政府，完善法制机构。'],
  '4.1': ['建设更高水平的法制中国。', '建设更高水平的法治中国。', '阅读《法制日报》，建设更高水平的法治中国。'],
  '4.2': ['建设社会主义法制国家。', '建设社会主义法治国家。', '建设社会主义法治国家，法制办已撤并。'],
  '4.3': ['运用法制思维和法治方式。', '运用法治思维和法治方式。', '运用法治思维和法治方式。'],
  '4.4': ['运用法治思维和法制方式。', '运用法治思维和法治方式。', '运用法治思维和法治方式，局法制科负责审核。'],
  '4.5': ['推进法制社会建设。', '推进法治社会建设。', '推进法治社会建设，开展法制宣传教育。'],
  '4.6': ['完善中国特色社会主义法制体系。', '完善中国特色社会主义法治体系。', '完善中国特色社会主义法治体系和法律体系。'],
  '4.7': ['坚持全面依法制国。', '坚持全面依法治国。', '坚持全面依法治国，依法制国有资产监管清单。'],
  // c5: autonomous regions
  '5.0': ['与广西省卫健委开展交流。', '与广西壮族自治区卫健委开展交流。', '与广西壮族自治区卫健委开展交流。'],
  '5.1': ['赴内蒙古省调研。', '赴内蒙古自治区调研。', '赴内蒙古自治区调研。'],
  '5.2': ['对口支援新疆省喀什地区。', '对口支援新疆维吾尔自治区喀什地区。', '对口支援新疆维吾尔自治区喀什地区。'],
  '5.3': ['赴西藏省开展援助。', '赴西藏自治区开展援助。', '赴西藏自治区开展援助。'],
  '5.4': ['与宁夏省签订协议。', '与宁夏回族自治区签订协议。', '与宁夏回族自治区签订协议。'],
  '5.5': ['对口支援新疆维吾尔族自治区。', '对口支援新疆维吾尔自治区。', '对口支援新疆维吾尔自治区，服务维吾尔族群众。'],
  '5.6': ['赴西藏藏族自治区开展援助。', '赴西藏自治区开展援助。', '赴西藏自治区开展援助，服务藏族群众。'],
  // c6 (warn): full names
  '6.0': ['坚持以新时代中国特色社会主义思想为指导。', '坚持以习近平新时代中国特色社会主义思想为指导。', '坚持以习近平新时代中国特色社会主义思想为指导。'],
  '6.0b': ['新时代中国特色社会主义思想是行动指南。', '习近平新时代中国特色社会主义思想是行动指南。', '坚持中国特色社会主义，开创新时代法治建设新局面，学习习近平总书记新时代中国特色社会主义思想的重要论述。'],
  '6.1': ['深入学习二十大精神。', '深入学习党的二十大精神。', '深入学习党的二十大精神，中共二十大报告，实施十大民生工程，开展第二十大项检查，学习党十九大精神。'],
  '6.2': ['建国以来，我区法治建设取得长足进步。', '新中国成立以来，我区法治建设取得长足进步。', '新中国成立以来，张建国同志长期从事法治工作。'],
  // c7 (warn): wording
  '7.0': ['为法治建设做出积极贡献。', '为法治建设作出积极贡献。', '为法治建设作出积极贡献，做出样子、做出成绩。'],
  '7.0b': ['依法做出行政处罚决定9宗。', '依法作出行政处罚决定9宗。', '依法作出行政处罚决定9宗。'],
  '7.1': ['截止目前，已办结案件52件。', '截至目前，已办结案件52件。', '申报截止日期为3月1日，截止时间不变，截止到年底。'],
  '7.1b': ['截止2025年11月，共受理52件。', '截至2025年11月，共受理52件。', '截至2025年11月，共受理52件，逾期未申报的视为放弃，申报截止。'],
  '7.2': ['截止至12月底，共受理52件。', '截至12月底，共受理52件。', '截至12月底，共受理52件。'],
  '7.3': ['其它事项另行报告。', '其他事项另行报告。', '其他事项另行报告，尤其它们对群众影响较大的要优先办理。'],
  '7.4': ['贯彻到法治建设全过程、全方面。', '贯彻到法治建设全过程、全方位。', '贯彻到法治建设全过程、全方位、各方面。食品药品安全方面，加强市场检查；在机制健全方面，出台制度3项；保障齐全方面，配齐设备。'],
  '7.5': ['建立问题整改工作台帐。', '建立问题整改工作台账。', '建立问题整改工作台账，在广场舞台帐篷内设普法咨询点。'],
  '7.6': ['开设专用帐户。', '开设专用账户。', '开设专用账户。'],
  '7.7': ['开通普法公众号帐号。', '开通普法公众号账号。', '开通普法公众号账号。'],
  '7.8': ['核查帐目23本。', '核查账目23本。', '核查账目23本。'],
  '7.9': ['签定合作协议3份。', '签订合作协议3份。', '签订合作协议3份，开展司法鉴定，通过抽签定岗。'],
  '7.10': ['做为法治建设第一责任人，带头学法。', '作为法治建设第一责任人，带头学法。', '作为法治建设第一责任人，带头学法，多做为民办实事、为群众解难题的工作。'],
  '7.11': ['服务中心座落于滨河路。', '服务中心坐落于滨河路。', '服务中心坐落于滨河路，设有座位30个，新建一座落地式充电站，这座落成于1998年的大楼完成改造。'],
  '7.12': ['部份医疗机构存在问题。', '部分医疗机构存在问题。', '部分医疗机构存在问题，西部份额占比上升。'],
  '7.13': ['抽检药品成份。', '抽检药品成分。', '抽检药品成分，核定股份，按期完成份额内的采购任务。'],
  '7.14': ['核对身分证信息。', '核对身份证信息。', '核对身份证信息，亮明身份。'],
  '7.15': ['如实反应问题。', '如实反映问题。', '如实反映问题，关注药品不良反应问题。'],
  '7.16': ['发辉法律顾问作用。', '发挥法律顾问作用。', '发挥法律顾问作用，让老城焕发辉煌。'],
  '7.17': ['严历打击违法行为。', '严厉打击违法行为。', '严厉打击违法行为，回顾这段庄严历史，干部在基层从严历练。'],
  '7.18': ['形成有效震摄。', '形成有效震慑。', '形成有效震慑，完善地震摄像监测设施。'],
  '7.19': ['统筹按排执法力量。', '统筹安排执法力量。', '按排名先后通报，统筹安排执法力量。'],
  '7.20': ['暴光典型案例5起。', '曝光典型案例5起。', '曝光典型案例5起，开展暴雨防范。'],
  '7.21': ['部门职责重迭。', '部门职责重叠。', '部门职责重叠。'],
  '7.22': ['获主流媒体报导12次。', '获主流媒体报道12次。', '获主流媒体报道12次，个别单位未及时上报导致处置延误。'],
  '7.23': ['召开企业坐谈会2场。', '召开企业座谈会2场。', '召开企业座谈会2场。'],
  '7.24': ['贯切落实上级部署。', '贯彻落实上级部署。', '一贯切实履职，贯彻落实上级部署。'],
  '7.25': ['按照部暑要求推进。', '按照部署要求推进。', '按照部署要求推进，做好西部暑期防汛工作。'],
  '7.26': ['统一布署专项行动。', '统一部署专项行动。', '统一部署专项行动，合理布局网点，在官网发布署名文章。'],
  // c8 (warn): idioms
  '8.0': ['我们将再接再励。', '我们将再接再厉。', '我们将再接再厉。'],
  '8.1': ['一如继往地支持。', '一如既往地支持。', '一如既往地支持。'],
  '8.2': ['按步就班推进。', '按部就班推进。', '按部就班推进，逐步推进。'],
  '8.3': ['群众迫不急待。', '群众迫不及待。', '群众迫不及待。'],
  '8.4': ['不能既往不究。', '不能既往不咎。', '不能既往不咎，追究责任。'],
  '8.5': ['评论针贬时弊。', '评论针砭时弊。', '评论针砭时弊。'],
  '8.6': ['不能默守成规。', '不能墨守成规。', '不能墨守成规，保持沉默。'],
  '8.7': ['消息不径而走。', '消息不胫而走。', '消息不胫而走。'],
  '8.8': ['违法行为变本加利。', '违法行为变本加厉。', '违法行为变本加厉。'],
  '8.9': ['基层一愁莫展。', '基层一筹莫展。', '基层一筹莫展。'],
  '8.10': ['执法出奇不意。', '执法出其不意。', '执法出其不意。'],
  '8.11': ['坚持精兵减政。', '坚持精兵简政。', '坚持精兵简政，减少审批。'],
  '8.12': ['办事群众穿流不息。', '办事群众川流不息。', '办事群众川流不息。'],
  '8.13': ['防止纪律松驰。', '防止纪律松弛。', '防止纪律松弛，让骑手在草原上轻松驰骋。'],
  '9.0': ['深入学习贯彻党的十八大精神。', null, '以优异成绩迎接党的十八大胜利召开，筹备学习党的十八大的宣讲活动。', 2011],
  '9.1': ['十八届一中全会以来，全区法治建设取得新进展。', null, '以优异成绩迎接十八届一中全会胜利召开，筹备学习十八届一中全会的宣讲活动。', 2011],
  '9.2': ['深入学习贯彻十八届二中全会精神。', null, '以优异成绩迎接十八届二中全会胜利召开，筹备学习十八届二中全会的宣讲活动。', 2011],
  '9.3': ['全面落实十八届三中全会通过的决定。', null, '以优异成绩迎接十八届三中全会胜利召开，筹备学习十八届三中全会的宣讲活动。', 2012],
  '9.4': ['深入学习贯彻十八届四中全会精神。', null, '以优异成绩迎接十八届四中全会胜利召开，筹备学习十八届四中全会的宣讲活动。', 2013],
  '9.5': ['认真研读十八届五中全会公报。', null, '以优异成绩迎接十八届五中全会胜利召开，筹备学习十八届五中全会的宣讲活动。', 2014],
  '9.6': ['深入学习贯彻十八届六中全会精神。', null, '以优异成绩迎接十八届六中全会胜利召开，筹备学习十八届六中全会的宣讲活动。', 2015],
  '9.7': ['深入学习贯彻十八届七中全会精神。', null, '以优异成绩迎接十八届七中全会胜利召开，筹备学习十八届七中全会的宣讲活动。', 2016],
  '9.8': ['党的十九大以来，全区法治建设取得新进展。', null, '以优异成绩迎接党的十九大胜利召开，筹备学习党的十九大的宣讲活动。', 2016],
  '9.9': ['深入学习贯彻十九届一中全会精神。', null, '以优异成绩迎接十九届一中全会胜利召开，筹备学习十九届一中全会的宣讲活动。', 2016],
  '9.10': ['全面落实十九届二中全会通过的决定。', null, '以优异成绩迎接十九届二中全会胜利召开，筹备学习十九届二中全会的宣讲活动。', 2016],
  '9.11': ['深入学习贯彻十九届三中全会精神。', null, '以优异成绩迎接十九届三中全会胜利召开，筹备学习十九届三中全会的宣讲活动。', 2016],
  '9.12': ['认真研读十九届四中全会公报。', null, '以优异成绩迎接十九届四中全会胜利召开，筹备学习十九届四中全会的宣讲活动。', 2018],
  '9.13': ['深入学习贯彻十九届五中全会精神。', null, '以优异成绩迎接十九届五中全会胜利召开，筹备学习十九届五中全会的宣讲活动。', 2019],
  '9.14': ['深入学习贯彻十九届六中全会精神。', null, '以优异成绩迎接十九届六中全会胜利召开，筹备学习十九届六中全会的宣讲活动。', 2020],
  '9.15': ['十九届七中全会以来，全区法治建设取得新进展。', null, '以优异成绩迎接十九届七中全会胜利召开，筹备学习十九届七中全会的宣讲活动。', 2021],
  '9.16': ['深入学习贯彻党的二十大精神。', null, '以优异成绩迎接党的二十大胜利召开，筹备学习党的二十大的宣讲活动。', 2021],
  '9.17': ['全面落实二十届一中全会通过的决定。', null, '以优异成绩迎接二十届一中全会胜利召开，筹备学习二十届一中全会的宣讲活动。', 2021],
  '9.18': ['深入学习贯彻二十届二中全会精神。', null, '以优异成绩迎接二十届二中全会胜利召开，筹备学习二十届二中全会的宣讲活动。', 2021],
  '9.19': ['认真研读二十届三中全会公报。', null, '以优异成绩迎接二十届三中全会胜利召开，筹备学习二十届三中全会的宣讲活动。', 2023],
  '9.20': ['深入学习贯彻二十届四中全会精神。', null, '以优异成绩迎接二十届四中全会胜利召开，筹备学习二十届四中全会的宣讲活动。', 2024],
  '9.21': ['学习贯彻党的十九届八中全会精神。', null, '学习贯彻党的十九届六中全会精神、十八届六中全会精神。'],
  '11.0': ['贯彻《中共中央关于<法治中国建设规划>的说明》。', '贯彻《中共中央关于〈法治中国建设规划〉的说明》。', '贯彻《关于〈法治中国建设规划〉的说明》，受理金额<5万元的案件，标注<重点>事项。'],
  '11.0b': ['学习《关于＜行政处罚法＞修订情况的说明》。', '学习《关于〈行政处罚法〉修订情况的说明》。', '学习《关于〈行政处罚法〉修订情况的说明》，当x<y时按公式计算，《中华人民共和国行政处罚法》全文。'],
};

const entryOf = (key: string) => {
  const [c, e] = key.replace(/[a-z]$/, '').split('.').map(Number) as [number, number];
  const check = CHECKS[c]!;
  const raw = check.type === 'prefer' ? check.replace![e]!.wrong : check.patterns![e]!;
  return { check, pattern: typeof raw === 'string' ? raw : raw.pattern, checkIndex: c };
};

describe('the canonical-terms pack', () => {
  it('is recommended, applies to every report, and ships at least 60 entries', () => {
    expect(PACK.id).toBe('canonical-terms');
    expect(PACK.recommended).toBe(true);
    expect(PACK.reportType).toBeUndefined();
    expect(PACK.rules.map((r) => [r.id, r.severity])).toEqual([['canonical-term', 'error']]);
    const entries = CHECKS.reduce((n, c) => n + (c.replace?.length ?? c.patterns?.length ?? 0), 0);
    expect(entries).toBeGreaterThanOrEqual(60);
    expect(rule.meta).toMatchObject({ id: 'canonical-term', defaultSeverity: 'error', fixable: true, pack: 'canonical-terms' });
  });

  it('every entry has a failing and a passing case here, and each case exercises its entry', () => {
    const keys = new Set(Object.keys(CASES).map((k) => k.replace(/[a-z]$/, '')));
    const expected = CHECKS.flatMap((c, i) => (c.replace ?? c.patterns ?? []).map((_, e) => `${i}.${e}`));
    expect([...keys].sort()).toEqual([...expected].sort());
    for (const [key, [wrong]] of Object.entries(CASES)) {
      expect(new RegExp(entryOf(key).pattern, 'u').test(wrong), key).toBe(true);
    }
  });
});

describe.each(Object.entries(CASES))('entry %s', (key, [wrong, right, ok, year]) => {
  it(`reports and fixes: ${wrong}`, async () => {
    const { check, checkIndex } = entryOf(key);
    const found = await run(draft(wrong, year));
    expect(found.map((f) => f.messageId), JSON.stringify(found.map((f) => f.message))).toEqual([`c${checkIndex}`]);
    const f = found[0]!;
    expect(f.line).toBe(3);
    expect(f.level).toBe(check.level);
    if (right === null) {
      expect(f.fix).toBeUndefined();
      return;
    }
    const fixed = applyFixes(draft(wrong, year), found);
    expect(fixed).toBe(draft(right, year));
    // idempotent: the fixed sentence is clean
    expect(await run(fixed)).toEqual([]);
  });

  it(`stays silent: ${ok}`, async () => {
    expect(await run(draft(ok, year))).toEqual([]);
  });
});

describe('periods of validity: a formulation is checked against the report\'s date', () => {
  const old = '紧密团结在以习近平同志为总书记的党中央周围，坚持和发展新时期“枫桥经验”。';
  const texts = (found: Awaited<ReturnType<typeof run>>) => found.map((f) => f.text);

  it('a report of 2014 or 2016 keeps 「以习近平同志为总书记的党中央」 (the required form until 2016-10-27)', async () => {
    expect(texts(await run(draft(old, 2014)))).toEqual([]);
    // 2016: written between December 2015 and June 2017, on either side of 2016-10-27
    expect(texts(await run(draft(old, 2016)))).toEqual([]);
    expect(texts(await run(draft(old, 2017)))).toEqual(['以习近平同志为总书记的党中央']);
    // 新时代“枫桥经验” from 2019 (新时期“枫桥经验” before)
    expect(texts(await run(draft(old, 2018)))).toEqual(['以习近平同志为总书记的党中央']);
    expect(texts(await run(draft(old, 2020)))).toEqual(['以习近平同志为总书记的党中央', '新时期“枫桥经验']);
  });

  it('the signature date decides when there is one', async () => {
    const signed = (date: string) => `某区法治政府建设工作报告\n一、总体情况\n${old}\n\n某区人民政府\n${date}\n`;
    expect(texts(await run(signed('2016年3月20日')))).toEqual([]);
    expect(texts(await run(signed('2016年12月20日')))).toEqual(['以习近平同志为总书记的党中央']);
  });

  it('a report whose date is unknown gets no finding from an entry with a period', async () => {
    expect(texts(await run(undated(old)))).toEqual([]);
    expect(texts(await run(undated('学习贯彻十九届四中全会精神，推进法治政府建设。')))).toEqual([]);
  });

  it('a 政府工作报告 of 2014 (07-guowuyuan-2014 in the real reports) stays silent', async () => {
    const gwh = '2014年政府工作报告\n——2014年3月5日在第十二届全国人民代表大会第二次会议上\n各位代表：\n过去一年，全国各族人民在以习近平同志为总书记的党中央领导下，深入学习贯彻党的十八大和十八届三中全会精神，攻坚克难。\n';
    expect(await run(gwh)).toEqual([]);
  });
});

describe('consistency: 混合制改革 where the draft also writes 混合所有制改革', () => {
  it('reports each 混合制改革, with the fix, only when the right form is there too', async () => {
    const text = draft('深化国有企业混合所有制改革，完成混合制改革企业5家，混合制改革企业营收增长12%。');
    const found = await run(text);
    expect(found.map((f) => [f.messageId, f.text, f.level, f.fix?.text])).toEqual([
      ['c10', '混合制改革', 'warn', '混合所有制改革'],
      ['c10', '混合制改革', 'warn', '混合所有制改革'],
    ]);
    expect(await run(applyFixes(text, found))).toEqual([]);
    expect(await run(draft('完成混合制改革企业5家。'))).toEqual([]);
    expect(await run(draft('深化国有企业混合所有制改革，推进混合制经济发展。'))).toEqual([]);
  });
});

describe('messages and levels', () => {
  it('political formulations are errors with the right form in the message; style slips are warnings', async () => {
    const found = (await run(undated('深入学习贯彻习近平法制思想，截止目前，其它事项另行报告。'))).sort((x, y) => x.start - y.start);
    expect(found.map((f) => [f.text, f.level, f.message])).toEqual([
      ['习近平法制思想', undefined, '规范表述：「习近平法制思想」应为「习近平法治思想」'],
      ['截止目前', 'warn', '用字不规范：「截止目前」应为「截至目前」'],
      ['其它', 'warn', '用字不规范：「其它」应为「其他」'],
    ]);
  });
});

describe('on the seeds', () => {
  it('finds only 全方面 in seed 000 (line 3) and nothing in seed 003', async () => {
    const found = await run(seed('000_123d78033956bda4.txt'));
    expect(found.map((f) => [f.line, f.column, f.text, f.level, f.fix?.text])).toEqual([[3, 315, '全方面', 'warn', '全方位']]);
    expect(await run(seed('003_fdb2e5dd79f7ab48.txt'))).toEqual([]);
    expect(await run(seed('003_fdb2e5dd79f7ab48.md'), 'seed.md')).toEqual([]);
  });

  it('fixing seed 000 changes only that word', async () => {
    const text = seed('000_123d78033956bda4.txt');
    const fixed = applyFixes(text, await run(text));
    expect(fixed).toBe(text.replace('全过程、全方面', '全过程、全方位'));
    expect(await run(fixed)).toEqual([]);
  });
});

describe('Markdown', () => {
  it('fixes inside emphasis, links and headings without touching the syntax, idempotently', async () => {
    const md = [
      '# 某局2025年法治政府建设年度报告',
      '',
      '## 一、深入学习**习近平法制思想**',
      '',
      '紧密团结在*以习近平总书记为核心的党中央*周围，[截止目前](https://example.gov.cn/a_b)已办结，其它事项见`附件`。',
      '',
    ].join('\n');
    const found = (await run(md, 'draft.md')).sort((x, y) => x.start - y.start);
    expect(found.map((f) => f.text)).toEqual(['习近平法制思想', '习近平总书记为核心的党中央', '截止目前', '其它']);
    const fixed = applyFixes(md, found);
    expect(fixed).toBe([
      '# 某局2025年法治政府建设年度报告',
      '',
      '## 一、深入学习**习近平法治思想**',
      '',
      '紧密团结在*以习近平同志为核心的党中央*周围，[截至目前](https://example.gov.cn/a_b)已办结，其他事项见`附件`。',
      '',
    ].join('\n'));
    expect(await run(fixed, 'draft.md')).toEqual([]);
  });

  it('a match cut by syntax is reported without a fix', async () => {
    const md = '## 一、总体情况\n\n深入学习习近平法制*思想*。\n';
    const found = await run(md, 'draft.md');
    expect(found.map((f) => [f.messageId, f.fix])).toEqual([['c0', undefined]]);
  });
});
