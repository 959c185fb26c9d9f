/**
 * The Word draft the --annotate tests review: Word-numbered headings (numbering.xml), a table, a
 * footnote, a comment and a tracked change by another author, a doubled word split across two
 * differently formatted runs, and several findings with fixes.
 */
import { buildDocx, GBT_LEVELS, type BuiltBlock } from './docx-build.js';

const FOOTNOTES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 数据来源：本局行政复议台账。</w:t></w:r></w:p></w:footnote></w:footnotes>';
const COMMENTS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author="李四" w:date="2025-01-10T09:00:00Z" w:initials="LS"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t>请核实执法数据。</w:t></w:r></w:p></w:comment></w:comments>';

export const EXISTING_COMMENT_TEXT = '请核实执法数据。';
export const OTHER_AUTHOR = '张三';

/** The draft's paragraphs of body XML, in order. */
export const FIXTURE_BLOCKS: BuiltBlock[] = [
  '2024年某某市司法局法治政府建设年度报告',
  { text: '主要举措和成效', num: { numId: 1, ilvl: 0 } },
  // 提升 + bold 提升: the doubled word spans two runs of different formatting; "," is half-width
  { xml: '<w:p><w:r><w:t>一年来，我局持续</w:t></w:r><w:r><w:t>提升</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>提升</w:t></w:r><w:r><w:t>依法行政水平,全面推进法治政府建设。</w:t></w:r></w:p>' },
  // a footnote reference between two runs; a half-width ";" after it
  { xml: '<w:p><w:r><w:t>全年办理行政复议案件12件</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r><w:r><w:t>，纠错2件;办理行政诉讼案件8件。</w:t></w:r></w:p>' },
  // an existing comment by another reviewer
  { xml: '<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>严格规范公正文明执法</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:t>，全年开展执法检查30次。</w:t></w:r></w:p>' },
  // an existing tracked change by another author: inserted 行政 and deleted 旧的
  { xml: '<w:p><w:r><w:t>深化</w:t></w:r><w:ins w:id="5" w:author="张三" w:date="2025-01-09T08:00:00Z"><w:r><w:t>行政</w:t></w:r></w:ins><w:del w:id="6" w:author="张三" w:date="2025-01-09T08:00:00Z"><w:r><w:delText>旧的</w:delText></w:r></w:del><w:r><w:t>执法体制改革,推进的的综合执法。</w:t></w:r></w:p>' },
  { rows: [['项目', '数量（件）'], ['行政复议', '12'], ['行政诉讼', '8']], headerRow: true },
  { text: '存在的不足和原因', num: { numId: 1, ilvl: 0 } },
  '法治宣传的针对性还不够强(主要是基层),部分干部法治意识有待提高。',
  { text: '党政主要负责人履行推进法治建设第一责任人职责情况', num: { numId: 1, ilvl: 0 } },
  '主要负责人认真履行第一责任人职责，定期听取法治建设工作汇报。',
  { text: '下一年度工作安排', num: { numId: 1, ilvl: 0 } },
  '2025年，我局将继续加强法治政府建设，推动各项工作再上新台阶。',
  '某某市司法局',
  '2025年1月15日',
];

export function fixtureDocx(): Promise<Buffer> {
  return buildDocx(FIXTURE_BLOCKS, {
    numbering: { abstractNums: [{ id: 0, levels: GBT_LEVELS }], nums: [{ numId: 1, abstractNumId: 0 }] },
    parts: [
      { name: 'footnotes.xml', xml: FOOTNOTES, relType: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml' },
      { name: 'comments.xml', xml: COMMENTS, relType: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml' },
    ],
    store: ['word/styles.xml'],
  });
}
