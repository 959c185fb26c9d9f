/** figure-consistency's vocabulary: the rate table and the word lists its checks read. */


export interface RateDefinition {
  /** the rate as written, ending in 率 (or any suffix of the label): 办结率, 出庭应诉率 */
  name: string;
  /** words in the clause of the count that is the numerator: 办结, 审结 */
  numerator: string[];
  /** words in the clause of the count that is the denominator: 受理, 收到 */
  denominator: string[];
}

// --- the rate table ---------------------------------------------------------------------------

/** the words for accepting a case, most telling first (受理 wins over 收到 when both are there) */
const ACCEPT = ['受理', '收案', '立案', '新收', '登记', '收到', '接收'];

/** Built-in rates: the name, and the words of its numerator and denominator clauses. */
export const RATES: readonly RateDefinition[] = [
  { name: '办结率', numerator: ['办结', '结案', '审结', '办理完毕'], denominator: ACCEPT },
  { name: '按期办结率', numerator: ['按期办结', '按时办结', '如期办结'], denominator: ACCEPT },
  { name: '按时办结率', numerator: ['按期办结', '按时办结', '如期办结'], denominator: ACCEPT },
  { name: '结案率', numerator: ['结案', '审结', '办结'], denominator: ACCEPT },
  { name: '审结率', numerator: ['审结'], denominator: ACCEPT },
  { name: '出庭应诉率', numerator: ['出庭应诉', '出庭'], denominator: ['行政诉讼案件', '诉讼案件', '应诉案件', '开庭审理', '开庭', '应诉'] },
  { name: '出庭率', numerator: ['出庭应诉', '出庭'], denominator: ['行政诉讼案件', '诉讼案件', '应诉案件', '开庭审理', '开庭', '应诉'] },
  { name: '答复率', numerator: ['答复', '回复'], denominator: ACCEPT },
  { name: '回复率', numerator: ['答复', '回复'], denominator: ACCEPT },
  { name: '采纳率', numerator: ['采纳'], denominator: ['收到', '征集', '收集', '提出', '征求'] },
  { name: '调解成功率', numerator: ['调解成功', '成功调解', '达成调解协议', '达成协议'], denominator: ['调解', '受理'] },
  { name: '化解率', numerator: ['化解', '调解成功', '成功调解'], denominator: ['受理', '排查', '摸排', '收到', '登记'] },
  { name: '纠错率', numerator: ['纠错', '纠正'], denominator: ['审结', '办结', '结案'] },
  { name: '败诉率', numerator: ['败诉'], denominator: ['审结', '判决', '结案', '行政诉讼案件', '诉讼案件', '应诉案件', '应诉'] },
  { name: '合格率', numerator: ['合格'], denominator: ['参加', '参考', '参训', '评查', '抽查', '抽检', '检查', '考试', '考核'] },
  { name: '通过率', numerator: ['通过'], denominator: ['参加', '参考', '报名', '考试'] },
  { name: '整改率', numerator: ['整改'], denominator: ['发现', '反馈', '交办', '梳理', '查找', '查摆', '排查'] },
  { name: '满意率', numerator: ['满意'], denominator: ['回访', '调查', '测评', '评价', '走访'] },
  { name: '参学率', numerator: ['参学', '参加学习'], denominator: ['应参学', '应学'] },
  { name: '参训率', numerator: ['参训', '参加培训'], denominator: ['应参训', '应训'] },
  { name: '参考率', numerator: ['参考', '参加考试'], denominator: ['应参考', '应考'] },
];

// --- words ------------------------------------------------------------------------------------

/** Where a clause starts (looking back from a figure). */
export const CLAUSE_STOP = new Uint8Array(0x10000);
for (const c of '，,。；;：:！？!?、（）()【】\n') CLAUSE_STOP[c.charCodeAt(0)] = 1;
/** What may follow a figure that ends its statement. */
const STATEMENT_END = '，,。；;、）)：:”」』】';
/** by char code: 1 for what may follow a figure that ends its statement, or 和 及 与 before a parallel one */
export const STATEMENT_END_CODES = new Uint8Array(0x10000);
for (const c of STATEMENT_END + '和及与') STATEMENT_END_CODES[c.charCodeAt(0)] = 1;
/** Words trimmed at the start of a clause: scope, time, adverbs, 共. */
export const LEAD_WORDS = [
  '全年度', '全年', '全区', '全市', '全县', '全省', '全镇', '全街道', '全局', '全系统', '全委', '全院', '本年度', '本年', '今年', '年内', '年度内', '当年',
  '我局', '本局', '我委', '本委', '我办', '本办', '我院', '本院', '我区', '我市', '我县', '本区', '本市', '本县', '辖区内', '辖区', '区内', '市内', '县内',
  '共计', '总共', '合计', '总计', '一共', '累计', '共', '依法', '先后', '已经', '已', '为', '达到', '达', '了', '对', '在', '全部', '同时', '此外', '另外', '并', '还', '又', '均',
  '进一步', '积极', '认真', '切实', '扎实', '及时', '全面', '深入', '主动', '不断', '持续', '高效', '有序', '严格', '稳妥', '妥善', '有效',
  '一是', '二是', '三是', '四是', '五是', '六是', '七是', '八是', '九是', '十是', '首先', '其次', '最后',
].sort((a, b) => b.length - a.length);
/** Words trimmed at the end of a clause, right before the number. */
export const TRAIL_WORDS = ['共计', '合计', '总计', '总数', '数量', '总量', '累计', '共', '计', '达到', '达', '为', '了', '约', '有', '的', '是'].sort((a, b) => b.length - a.length);
/** Labels made only of these say too little to compare across the report. */
export const GENERIC = ['专题', '集中', '培训', '会议', '活动', '检查', '宣传', '讲座', '学习', '工作', '次数', '人员', '人次', '案件', '事项', '问题', '文件', '材料', '意见', '建议', '单位', '企业', '机构', '对象', '场次', '课程', '专项', '日常', '现场', '线上', '线下', '其他', '其它', '合同', '数量', '总数'];
/** A clause with one of these is about another scope, a part, a cumulative or a change. */
export const OTHER_SCOPE = /分别|其中|包括|累计|以来|至今|截至|截止|同比|环比|较上|比上|较去|比去|较\d|比\d|平均|人均|每[个家名次年月周日件]|单次|最多|最高|最低|最少|超过|不足|不到|不少于|不低于|以上|以下|同期|历年|近[三五十两]年/;
/** A figure right after these is a change, not a level: (增长|增加|…|减|增)了?(?:约|近)? at the end of a clause. */
const CHANGE_WORDS = ['增长', '增加', '上升', '提高', '提升', '增多', '下降', '减少', '降低', '回落', '下滑', '减', '增'];
/**
 * Whether a clause ends with a change word (增长了约, 减少, 增): read from the end, as a regex
 * anchored with $ would try a match at every position of the clause.
 */
export function endsWithChange(clause: string): boolean {
  let end = clause.length;
  const last = clause.charCodeAt(end - 1);
  if (last === 0x7ea6 /* 约 */ || last === 0x8fd1 /* 近 */) end--;
  if (clause.charCodeAt(end - 1) === 0x4e86 /* 了 */) end--;
  for (const w of CHANGE_WORDS) if (clause.endsWith(w, end)) return true;
  return false;
}
/** Words that say a figure is the year's total for the whole body (全年共办理…). */
export const TOTAL = /累计|全年|(?<![公中总])共(?![同享建治青产识性商生赢担管筑育谋振鸣处事存])|总共|合计|总计|全区|全市|全县|全省|全镇|全局|全系统|年内|本年度|今年|全体/;
/** Words for the area a figure covers: 全市 and 我局 are different scopes. */
export const REGION = /全区|全市|全县|全省|全镇|全系统|全行业|各级|各地|各区|各县|辖区|全国/;
/** Units of activities (meetings, trainings, checks): such counts are repeated for many occasions. */
export const ACTIVITY_UNITS = new Set('次 人次 场 期 场次 批次 家次 户次 间次 件次 车次 台次 班次 条次 个次 架次 轮 堂 节 课时 学时'.split(' '));
/** Rates that may well exceed 100%. */
export const MAY_EXCEED = /(?:完成|增长|增|使用|周转|利用|执行|回报|负债|达成|溢价|超额完成|发展|变化|同比|环比|倍增)率$/;
export const NEGATION = new Set('未不非无');
export const ENUM_MARKER = /分别(?:为|是|有)[：:]?/g;
export const PART_MARKER = /其中|包括/g;
