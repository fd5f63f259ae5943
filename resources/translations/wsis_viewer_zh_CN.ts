<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Accessibility</name>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Open, history, zoom, event steps, years and search</source>
        <translation>打开、历史、缩放、逐个事件、年份和搜索</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>The selected record</source>
        <translation>所选记录</translation>
    </message>
    <message>
        <source>Details of the selected record</source>
        <translation>所选记录的详情</translation>
    </message>
    <message>
        <source>Titles, dates, sources and links to related records. Tab moves between the links; Enter follows one.</source>
        <translation>标题、日期、来源以及相关记录的链接。Tab 键在链接之间移动；Enter 键打开链接。</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>The report&apos;s recommendations and their status</source>
        <translation>报告中的建议及其状态</translation>
    </message>
    <message>
        <source>Resolutions</source>
        <translation>决议</translation>
    </message>
    <message>
        <source>The resolutions and the steps that led to them</source>
        <translation>决议及促成决议的各个步骤</translation>
    </message>
    <message>
        <source>Filter recommendations</source>
        <translation>筛选建议</translation>
    </message>
    <message>
        <source>Shows only the recommendations containing this text</source>
        <translation>只显示包含此文字的建议</translation>
    </message>
    <message>
        <source>Recommendation status</source>
        <translation>建议状态</translation>
    </message>
    <message>
        <source>Shows only recommendations with this status</source>
        <translation>只显示处于此状态的建议</translation>
    </message>
    <message>
        <source>Recommendations list</source>
        <translation>建议列表</translation>
    </message>
    <message>
        <source>Arrow keys move; the selected recommendation opens in the details</source>
        <translation>方向键移动；所选建议在详情中打开</translation>
    </message>
    <message>
        <source>Filter resolutions</source>
        <translation>筛选决议</translation>
    </message>
    <message>
        <source>Shows only the resolutions containing this text</source>
        <translation>只显示包含此文字的决议</translation>
    </message>
    <message>
        <source>Resolution status</source>
        <translation>决议状态</translation>
    </message>
    <message>
        <source>Shows only resolutions with this status</source>
        <translation>只显示处于此状态的决议</translation>
    </message>
    <message>
        <source>Resolutions list</source>
        <translation>决议列表</translation>
    </message>
    <message>
        <source>Arrow keys move; the selected resolution opens in the details</source>
        <translation>方向键移动；所选决议在详情中打开</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Titles in English and Chinese, document symbols and resolution numbers. Enter or F3: next match; Shift+F3: previous; Esc: clear</source>
        <translation>中英文标题、文件文号和决议编号。Enter 或 F3：下一个匹配；Shift+F3：上一个；Esc：清除</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>匹配数</translation>
    </message>
    <message>
        <source>First year shown</source>
        <translation>显示的第一年</translation>
    </message>
    <message>
        <source>Events before this year are hidden</source>
        <translation>隐藏此年份之前的事件</translation>
    </message>
    <message>
        <source>Last year shown</source>
        <translation>显示的最后一年</translation>
    </message>
    <message>
        <source>Events after this year are hidden</source>
        <translation>隐藏此年份之后的事件</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Search matches</source>
        <translation>搜索匹配</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>More toolbar buttons</source>
        <translation>更多工具栏按钮</translation>
    </message>
    <message>
        <source>%1 choices</source>
        <translation>%1选项</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>WSIS Timeline Viewer</source>
        <translation>WSIS时间线查看器</translation>
    </message>
    <message>
        <source>Report text</source>
        <translation>报告文本</translation>
    </message>
    <message>
        <source>Cannot open database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Showing the bundled database instead.</source>
        <translation>改为显示随附的数据库。</translation>
    </message>
    <message>
        <source>Cannot use the report&apos;s text: %1</source>
        <translation>无法使用报告文本：%1</translation>
    </message>
</context>
<context>
    <name>CLI</name>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示此帮助信息并退出</translation>
    </message>
    <message>
        <source>database file or SQLAlchemy URL (default: bundled)</source>
        <translation>数据库文件或SQLAlchemy URL（默认：随附的数据库）</translation>
    </message>
    <message>
        <source>first day shown: YYYY, YYYY-MM or YYYY-MM-DD (default: whole dataset)</source>
        <translation>显示的第一天：YYYY、YYYY-MM或YYYY-MM-DD（默认：整个数据集）</translation>
    </message>
    <message>
        <source>last day shown (same forms as --from)</source>
        <translation>显示的最后一天（格式同--from）</translation>
    </message>
    <message>
        <source>language of texts, titles and dates (default: en)</source>
        <translation>文字、标题和日期的语言（默认：en）</translation>
    </message>
    <message>
        <source>Timeline of ITU&apos;s CWG-WSIS work 2010-2014. Without a command, opens the window on DB (default: the bundled database).</source>
        <translation>国际电联CWG-WSIS工作时间线（2010-2014年）。不带命令时，打开窗口显示DB（默认：随附的数据库）。</translation>
    </message>
    <message>
        <source>show the version number and exit</source>
        <translation>显示版本号并退出</translation>
    </message>
    <message>
        <source>window: database file or SQLAlchemy URL to open (default: the last one, else the bundled database)</source>
        <translation>窗口：要打开的数据库文件或SQLAlchemy URL（默认：上次打开的数据库，否则为随附的数据库）</translation>
    </message>
    <message>
        <source>window: interface language for this run (default: the one chosen in View &gt; Language, else the system&apos;s); pseudo: pseudo-localisation for layout testing</source>
        <translation>窗口：本次运行的界面语言（默认：在“视图 &gt; 语言”中选定的语言，否则为系统语言）；pseudo：用于检查布局的伪本地化</translation>
    </message>
    <message>
        <source>window: the report&apos;s text file (one numbered paragraph a line), so Source pages show whole paragraphs (default: the one chosen in the window, if any)</source>
        <translation>窗口：报告的文本文件（每行一个编号段落），使来源页面显示完整段落（默认：在窗口中选择过的文件，如有）</translation>
    </message>
    <message>
        <source>commands</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>validate resources/data and build the SQLite database</source>
        <translation>校验resources/data并构建SQLite数据库</translation>
    </message>
    <message>
        <source>write the whole dataset as JSON</source>
        <translation>将整个数据集写为JSON</translation>
    </message>
    <message>
        <source>render the timeline to PNG, SVG or PDF (headless)</source>
        <translation>将时间线渲染为PNG、SVG或PDF（无界面）</translation>
    </message>
    <message>
        <source>OUT.png, OUT.svg or OUT.pdf</source>
        <translation>OUT.png、OUT.svg或OUT.pdf</translation>
    </message>
    <message>
        <source>comma-separated lane ids to show (default: all)</source>
        <translation>要显示的泳道ID，以逗号分隔（默认：全部）</translation>
    </message>
    <message>
        <source>record to select, with its chain (event id, resolution id or number, recommendation id, document symbol)</source>
        <translation>要选中的记录及其关联链（活动ID、决议ID或编号、建议ID、文件文号）</translation>
    </message>
    <message>
        <source>highlight matches of TEXT, dim the rest</source>
        <translation>突出显示与TEXT匹配的项，其余变暗</translation>
    </message>
    <message>
        <source>include the detail panel of the selected record</source>
        <translation>包含选中记录的详情面板</translation>
    </message>
    <message>
        <source>colours (default: light)</source>
        <translation>配色（默认：light）</translation>
    </message>
    <message>
        <source>WIDTHxHEIGHT in pixels (default 1600x900)</source>
        <translation>宽x高，单位为像素（默认1600x900）</translation>
    </message>
    <message>
        <source>pixel ratio for PNG (1, 2, 3)</source>
        <translation>PNG的像素比（1、2、3）</translation>
    </message>
    <message>
        <source>SVG text as glyph outlines (paths: looks the same everywhere) or as text with the used glyphs embedded (font: selectable in browsers) (default: paths)</source>
        <translation>SVG 文字的写法：字形轮廓（paths：在任何地方显示都相同）或嵌入所用字形的文字（font：可在浏览器中选择文字）（默认：paths）</translation>
    </message>
    <message>
        <source>draw only what the report states: no inferred links</source>
        <translation>只绘制报告陈述的内容：不含推断的关联</translation>
    </message>
    <message>
        <source>draw the notes: a mark on each event with notes, and the selected record&apos;s notes in its panel with --details (yours, or the team server&apos;s with --db URL)</source>
        <translation>绘制笔记：每个有笔记的事件上加一个标记；配合 --details 时，在所选记录的面板中列出其笔记（您自己的笔记，或配合 --db URL 时团队服务器上的笔记）</translation>
    </message>
    <message>
        <source>write the multi-page PDF report (headless)</source>
        <translation>生成多页PDF报告（无界面）</translation>
    </message>
    <message>
        <source>the PDF file to write</source>
        <translation>要写入的PDF文件</translation>
    </message>
    <message>
        <source>comma-separated sections to include, in any order: events, documents, recommendations, resolutions, sources (default: all)</source>
        <translation>要包括的部分，以逗号分隔，顺序不限：events、documents、recommendations、resolutions、sources（默认：全部）</translation>
    </message>
    <message>
        <source>add a chapter with the notes on the records (yours, or the team server&apos;s with --db URL)</source>
        <translation>加入一章，列出记录上的笔记（您自己的，或使用 --db URL 时团队服务器上的）</translation>
    </message>
    <message>
        <source>validate the source files, write nothing</source>
        <translation>校验源文件，不写入任何内容</translation>
    </message>
    <message>
        <source>search every kind of record (ids, symbols, numbers, titles, places, people)</source>
        <translation>搜索所有类型的记录（标识、文号、编号、标题、地点、人员）</translation>
    </message>
    <message>
        <source>words, a symbol or a number</source>
        <translation>词语、文号或编号</translation>
    </message>
    <message>
        <source>only records of this kind (may be repeated)</source>
        <translation>只搜索此类记录（可重复）</translation>
    </message>
    <message>
        <source>at most this many hits (default 20)</source>
        <translation>最多列出的结果数（默认 20）</translation>
    </message>
    <message>
        <source>print one JSON object: {query, results: [{kind, id, title, matched, score}], notes: [{record, record_kind, record_title, author, text, created, edited, match}]}</source>
        <translation>输出一个 JSON 对象：{query, results: [{kind, id, title, matched, score}], notes: [{record, record_kind, record_title, author, text, created, edited, match}]}</translation>
    </message>
    <message>
        <source>search the notes of this workspace file instead of your own (with --db URL: the team server&apos;s notes)</source>
        <translation>搜索此工作区文件中的笔记，而不是您自己的（配合 --db URL：团队服务器上的笔记）</translation>
    </message>
    <message>
        <source>search the records only, not the notes</source>
        <translation>只搜索记录，不搜索笔记</translation>
    </message>
    <message>
        <source>language of the titles printed (default: en)</source>
        <translation>输出标题的语言（默认：en）</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>%1 (year only)</source>
        <translation>%1（仅知年份）</translation>
    </message>
    <message>
        <source>%1 (month only)</source>
        <translation>%1（仅知月份）</translation>
    </message>
    <message>
        <source>%1 (year)</source>
        <translation>%1（仅知年份）</translation>
    </message>
    <message>
        <source>%1 (month)</source>
        <translation>%1（仅知月份）</translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <source>The report&apos;s text file</source>
        <translation>报告的文本文件</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Select an event on the timeline, or a row in a list, to see its details here.</source>
        <translation>在时间线上选择一项活动，或在列表中选择一行，即可在此查看详情。</translation>
    </message>
</context>
<context>
    <name>EventSearch</name>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>ITU&apos;s work on WSIS, 2010–2014: the CWG-WSIS timeline</source>
        <translation>CWG-WSIS 时间线（2010–2014年）</translation>
    </message>
    <message>
        <source>selected: %1</source>
        <translation>选中：%1</translation>
    </message>
    <message>
        <source>search: %1</source>
        <translation>搜索：%1</translation>
    </message>
    <message>
        <source>%1 · database: %2 · exported %3</source>
        <translation>%1 · 数据库：%2 · 导出日期：%3</translation>
    </message>
    <message>
        <source>…continued</source>
        <translation>（续）……</translation>
    </message>
    <message>
        <source>multi-day sitting</source>
        <translation>多日会议</translation>
    </message>
    <message>
        <source>single day</source>
        <translation>单日</translation>
    </message>
    <message>
        <source>date known to month/year only</source>
        <translation>仅知年/月</translation>
    </message>
    <message>
        <source>sittings of one meeting</source>
        <translation>同一会议的各次会议</translation>
    </message>
    <message>
        <source>chain (time elapsed)</source>
        <translation>关联链（经过时间）</translation>
    </message>
    <message>
        <source>inferred step (not stated)</source>
        <translation>推断的步骤（报告未陈述）</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>选中</translation>
    </message>
    <message>
        <source>has notes</source>
        <translation>有笔记</translation>
    </message>
    <message>
        <source>WSIS Timeline Viewer export</source>
        <translation>WSIS时间线查看器导出</translation>
    </message>
</context>
<context>
    <name>LaneToggles</name>
    <message>
        <source>Show All Lanes</source>
        <translation>显示全部泳道</translation>
    </message>
</context>
<context>
    <name>Lanes</name>
    <message>
        <source>CWG-WSIS</source>
        <translation>理事会WSIS工作组</translation>
    </message>
    <message>
        <source>Council</source>
        <translation>理事会</translation>
    </message>
    <message>
        <source>Plenipotentiary</source>
        <translation>全权代表大会</translation>
    </message>
    <message>
        <source>WSIS Forum &amp; HLE</source>
        <translation>WSIS论坛与高级别活动</translation>
    </message>
    <message>
        <source>UN General Assembly</source>
        <translation>联合国大会</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>公开磋商</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>LegendPanel</name>
    <message>
        <source>Lanes</source>
        <translation>泳道</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>a sitting of several days</source>
        <translation>持续数日的会期</translation>
    </message>
    <message>
        <source>a one-day sitting</source>
        <translation>一日会期</translation>
    </message>
    <message>
        <source>sittings of one meeting, joined</source>
        <translation>同一会议的各次会期（以线相连）</translation>
    </message>
    <message>
        <source>date known only to the month or year</source>
        <translation>日期仅知月份或年份</translation>
    </message>
    <message>
        <source>chain of steps, labelled with the time elapsed</source>
        <translation>步骤链，标注间隔时间</translation>
    </message>
    <message>
        <source>inferred step (the report does not state it)</source>
        <translation>推断的步骤（报告未说明）</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>已选中</translation>
    </message>
    <message>
        <source>PP-10 → PP-14 period</source>
        <translation>PP-10 → PP-14 期间</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a WSIS database file</source>
        <translation>打开WSIS数据库文件</translation>
    </message>
    <message>
        <source>Clear Recent Files</source>
        <translation>清除最近打开的文件</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>查找上一个(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Fit All</source>
        <translation>显示全部(&amp;F)</translation>
    </message>
    <message>
        <source>Show the whole time span</source>
        <translation>显示整个时间跨度</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Year Range…</source>
        <translation>年份范围(&amp;Y)…</translation>
    </message>
    <message>
        <source>Show only some years</source>
        <translation>仅显示部分年份</translation>
    </message>
    <message>
        <source>Show &amp;All Years</source>
        <translation>显示所有年份(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>Follow the desktop&apos;s colours</source>
        <translation>使用桌面的配色</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;High Contrast</source>
        <translation>高对比度(&amp;H)</translation>
    </message>
    <message>
        <source>White and yellow on black, for low vision</source>
        <translation>黑底白字和黄色，适合低视力用户</translation>
    </message>
    <message>
        <source>Pan &amp;Earlier</source>
        <translation>向前平移(&amp;E)</translation>
    </message>
    <message>
        <source>Pan La&amp;ter</source>
        <translation>向后平移(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Every keyboard shortcut of the window</source>
        <translation>窗口的全部键盘快捷键</translation>
    </message>
    <message>
        <source>Show &amp;Details</source>
        <translation>显示详情(&amp;D)</translation>
    </message>
    <message>
        <source>Show &amp;Overview</source>
        <translation>显示概览(&amp;O)</translation>
    </message>
    <message>
        <source>Show Only What the Report &amp;States</source>
        <translation>仅显示报告陈述的内容(&amp;S)</translation>
    </message>
    <message>
        <source>Hide every link and status that is our inference</source>
        <translation>隐藏所有属于我们推断的关联和状态</translation>
    </message>
    <message>
        <source>&amp;Previous Event</source>
        <translation>上一项活动(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next Event</source>
        <translation>下一项活动(&amp;N)</translation>
    </message>
    <message>
        <source>Previous &amp;Lane</source>
        <translation>上一泳道(&amp;L)</translation>
    </message>
    <message>
        <source>Next L&amp;ane</source>
        <translation>下一泳道(&amp;A)</translation>
    </message>
    <message>
        <source>Open &amp;Details</source>
        <translation>打开详情(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Clear Selection</source>
        <translation>取消选择(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <source>Back to the previous selection</source>
        <translation>返回上一个选择</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>前进(&amp;F)</translation>
    </message>
    <message>
        <source>Forward to the next selection</source>
        <translation>前进到下一个选择</translation>
    </message>
    <message>
        <source>Show &amp;Recommendations</source>
        <translation>显示建议(&amp;R)</translation>
    </message>
    <message>
        <source>Show Re&amp;solutions</source>
        <translation>显示决议(&amp;S)</translation>
    </message>
    <message>
        <source>SVG Drawing…</source>
        <translation>SVG矢量图…</translation>
    </message>
    <message>
        <source>PDF Document…</source>
        <translation>PDF文档…</translation>
    </message>
    <message>
        <source>Copy &amp;Image</source>
        <translation>复制图像(&amp;I)</translation>
    </message>
    <message>
        <source>Copy the view as a picture</source>
        <translation>将视图复制为图片</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>PNG Image (%1×)…</source>
        <translation>PNG图像（%1×）…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Resolutions</source>
        <translation>决议</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export View</source>
        <translation>导出视图(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Lanes</source>
        <translation>泳道(&amp;L)</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>语言/Language(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Cannot open database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>Open WSIS Database</source>
        <translation>打开WSIS数据库</translation>
    </message>
    <message>
        <source>WSIS databases (*.sqlite *.db);;All files (*)</source>
        <translation>WSIS数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading the records of this database…</source>
        <translation>正在读取此数据库的记录…</translation>
    </message>
    <message>
        <source>Reading the records…</source>
        <translation>正在读取记录…</translation>
    </message>
    <message>
        <source>Cannot read the record</source>
        <translation>无法读取该记录</translation>
    </message>
    <message>
        <source>The records could not be read: %1</source>
        <translation>无法读取记录：%1</translation>
    </message>
    <message>
        <source>WSIS Timeline Viewer</source>
        <translation>WSIS时间线查看器</translation>
    </message>
    <message>
        <source>No database</source>
        <translation>无数据库</translation>
    </message>
    <message>
        <source>%1 — WSIS Timeline Viewer</source>
        <translation>%1 — WSIS时间线查看器</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n项活动</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n份文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n resolution(s)</source>
        <translation>
            <numerusform>%n项决议</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recommendation(s)</source>
        <translation>
            <numerusform>%n项建议</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n hidden by filters)</source>
        <translation>
            <numerusform>（%n项被筛选条件隐藏）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NoteSearch</name>
    <message>
        <source>Notes could not be searched: %1</source>
        <translation>无法搜索笔记：%1</translation>
    </message>
</context>
<context>
    <name>NotesDock</name>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Notes on all records</source>
        <translation>所有记录的笔记</translation>
    </message>
    <message>
        <source>Search the notes…</source>
        <translation>搜索笔记…</translation>
    </message>
    <message>
        <source>Search the notes</source>
        <translation>搜索笔记</translation>
    </message>
    <message>
        <source>Write a note on the selected record…</source>
        <translation>为所选记录写一条笔记…</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>笔记内容</translation>
    </message>
    <message>
        <source>&amp;Add Note</source>
        <translation>添加笔记(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Save Changes</source>
        <translation>保存修改(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
</context>
<context>
    <name>NotesResultsTable</name>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message numerus="yes">
        <source>Notes (%n)</source>
        <translation>
            <numerusform>笔记（%n）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordListPanel</name>
    <message>
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>所有状态</translation>
    </message>
    <message numerus="yes">
        <source>%n resolution(s)</source>
        <translation>
            <numerusform>%n项决议</numerusform>
        </translation>
    </message>
    <message>
        <source>(filtered from %1)</source>
        <translation>（共%1项，已筛选）</translation>
    </message>
</context>
<context>
    <name>RecordLists</name>
    <message>
        <source>led to a resolution</source>
        <translation>促成决议</translation>
    </message>
    <message>
        <source>endorsed</source>
        <translation>已认可</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>forwarded</source>
        <translation>已转呈</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>已提出</translation>
    </message>
    <message>
        <source>noted</source>
        <translation>已注意到</translation>
    </message>
    <message>
        <source>status not stated</source>
        <translation>状态未载明</translation>
    </message>
    <message>
        <source>%1 (inferred)</source>
        <translation>%1（推断）</translation>
    </message>
    <message>
        <source>Inferred, not stated by the report (%1): %2</source>
        <translation>推断，报告未载明（%1）：%2</translation>
    </message>
    <message>
        <source>The report, %1: “%2”</source>
        <translation>报告%1：“%2”</translation>
    </message>
    <message>
        <source>Council</source>
        <translation>理事会</translation>
    </message>
    <message>
        <source>Plenipotentiary</source>
        <translation>全权代表大会</translation>
    </message>
    <message>
        <source>UN General Assembly</source>
        <translation>联合国大会</translation>
    </message>
    <message>
        <source>WSIS+10</source>
        <translation>WSIS+10</translation>
    </message>
    <message>
        <source>%1 led to a decision</source>
        <translation>%1项促成决定</translation>
    </message>
    <message>
        <source>%1 forwarded</source>
        <translation>%1项已转呈</translation>
    </message>
    <message>
        <source>%1 proposed, outcome not recorded</source>
        <translation>%1项已提出（结果未记录）</translation>
    </message>
    <message>
        <source>%1 noted</source>
        <translation>%1项已注意到</translation>
    </message>
    <message>
        <source>Ref</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Resolutions</source>
        <translation>决议</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>提出于</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>First adopted</source>
        <translation>首次通过</translation>
    </message>
    <message>
        <source>Last modified</source>
        <translation>最近修改</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤数</translation>
    </message>
</context>
<context>
    <name>RecordMenu</name>
    <message>
        <source>Copy Citation</source>
        <translation>复制引文</translation>
    </message>
    <message>
        <source>Copy Link</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <source>Open Source</source>
        <translation>打开来源</translation>
    </message>
    <message>
        <source>Zoom To</source>
        <translation>缩放至此</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>决议</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Contributor</source>
        <translation>捐助方</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>专题</translation>
    </message>
    <message>
        <source>Stated figure</source>
        <translation>所述数字</translation>
    </message>
    <message>
        <source>CWG-WSIS meeting</source>
        <translation>CWG-WSIS会议</translation>
    </message>
    <message>
        <source>Council session</source>
        <translation>理事会会议</translation>
    </message>
    <message>
        <source>Plenipotentiary Conference</source>
        <translation>全权代表大会</translation>
    </message>
    <message>
        <source>WSIS Forum</source>
        <translation>WSIS论坛</translation>
    </message>
    <message>
        <source>High-Level Event</source>
        <translation>高级别活动</translation>
    </message>
    <message>
        <source>UN General Assembly</source>
        <translation>联合国大会</translation>
    </message>
    <message>
        <source>Open consultation</source>
        <translation>公开磋商</translation>
    </message>
    <message>
        <source>Advisory group meeting</source>
        <translation>顾问组会议</translation>
    </message>
    <message>
        <source>Working group meeting</source>
        <translation>工作组会议</translation>
    </message>
    <message>
        <source>Observance</source>
        <translation>纪念活动</translation>
    </message>
    <message>
        <source>Summit</source>
        <translation>峰会</translation>
    </message>
    <message>
        <source>Meeting summary</source>
        <translation>会议总结</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Addendum</source>
        <translation>增编</translation>
    </message>
    <message>
        <source>Contribution</source>
        <translation>文稿</translation>
    </message>
    <message>
        <source>Resolution text</source>
        <translation>决议文本</translation>
    </message>
    <message>
        <source>Outcome document</source>
        <translation>成果文件</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>出版物</translation>
    </message>
    <message>
        <source>adopted</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>revised</source>
        <translation>已修订</translation>
    </message>
    <message>
        <source>modified</source>
        <translation>已修改</translation>
    </message>
    <message>
        <source>noted</source>
        <translation>已注意到</translation>
    </message>
    <message>
        <source>endorsed</source>
        <translation>已认可</translation>
    </message>
    <message>
        <source>examined</source>
        <translation>已审查</translation>
    </message>
    <message>
        <source>recommended</source>
        <translation>已建议</translation>
    </message>
    <message>
        <source>followed up</source>
        <translation>已跟进</translation>
    </message>
    <message>
        <source>considered</source>
        <translation>已审议</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>led to a resolution</source>
        <translation>促成决议</translation>
    </message>
    <message>
        <source>forwarded</source>
        <translation>已转呈</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>已提出</translation>
    </message>
    <message>
        <source>status not stated</source>
        <translation>状态未载明</translation>
    </message>
    <message>
        <source>Member State</source>
        <translation>成员国</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Initiative</source>
        <translation>举措</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>session</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>first part</source>
        <translation>第一部分</translation>
    </message>
    <message>
        <source>second part</source>
        <translation>第二部分</translation>
    </message>
    <message>
        <source>second session</source>
        <translation>第二次会议</translation>
    </message>
    <message>
        <source>final meeting</source>
        <translation>最后一次会议</translation>
    </message>
    <message>
        <source>main event</source>
        <translation>主要活动</translation>
    </message>
    <message>
        <source>pre-events</source>
        <translation>会前活动</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>主席</translation>
    </message>
    <message>
        <source>Vice-Chair</source>
        <translation>副主席</translation>
    </message>
    <message>
        <source>Secretary-General</source>
        <translation>秘书长</translation>
    </message>
    <message>
        <source>Deputy Secretary-General</source>
        <translation>副秘书长</translation>
    </message>
    <message>
        <source>Thanked for efficient support</source>
        <translation>因高效支持而受到感谢</translation>
    </message>
    <message>
        <source>our translation</source>
        <translation>我们的译文</translation>
    </message>
    <message>
        <source>[only in 中文]</source>
        <translation>[仅有中文]</translation>
    </message>
    <message>
        <source>[only in English]</source>
        <translation>[仅有英文]</translation>
    </message>
    <message>
        <source>the report&apos;s words, %1</source>
        <translation>报告原文，%1</translation>
    </message>
    <message>
        <source>our wording, not the report&apos;s</source>
        <translation>本数据集的措辞，非报告原文</translation>
    </message>
    <message>
        <source>Inferred, not stated by the report (%1)</source>
        <translation>推断，报告未载明（%1）</translation>
    </message>
    <message>
        <source>The report, %1: “%2”</source>
        <translation>报告%1：“%2”</translation>
    </message>
    <message>
        <source>Stated by %1</source>
        <translation>见%1</translation>
    </message>
    <message>
        <source>inferred</source>
        <translation>推断</translation>
    </message>
    <message>
        <source>Council Resolution</source>
        <translation>理事会决议</translation>
    </message>
    <message>
        <source>Plenipotentiary Resolution</source>
        <translation>全权代表大会决议</translation>
    </message>
    <message>
        <source>UNGA resolution</source>
        <translation>联合国大会决议</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>……另有%1项</translation>
    </message>
    <message>
        <source>Report %1</source>
        <translation>报告%1</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>(via %1)</source>
        <translation>（经由%1）</translation>
    </message>
    <message>
        <source>Chain on the timeline</source>
        <translation>时间线上的关联链</translation>
    </message>
    <message>
        <source>Inferred connector: it rests on a link the report does not state</source>
        <translation>推断的连线：所依据的关联报告未载明</translation>
    </message>
    <message>
        <source>No such record: %1</source>
        <translation>没有此记录：%1</translation>
    </message>
    <message>
        <source>Session %1:</source>
        <translation>第%1次会议：</translation>
    </message>
    <message>
        <source>No. %1</source>
        <translation>第%1次</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>(inferred: Chair of %1, %2)</source>
        <translation>（推断：%1主席，%2）</translation>
    </message>
    <message>
        <source>Date note</source>
        <translation>日期说明</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>各次会议</translation>
    </message>
    <message>
        <source>Documents produced</source>
        <translation>产生的文件</translation>
    </message>
    <message>
        <source>Documents considered</source>
        <translation>审议的文件</translation>
    </message>
    <message>
        <source>Resolutions adopted or modified here</source>
        <translation>在此通过或修改的决议</translation>
    </message>
    <message>
        <source>Resolutions discussed</source>
        <translation>讨论的决议</translation>
    </message>
    <message>
        <source>Recommendations made here</source>
        <translation>在此提出的建议</translation>
    </message>
    <message>
        <source>Recommendations concerning this event</source>
        <translation>涉及本活动的建议</translation>
    </message>
    <message>
        <source>Other records that refer to it</source>
        <translation>引用本记录的其他记录</translation>
    </message>
    <message>
        <source>History</source>
        <translation>沿革</translation>
    </message>
    <message>
        <source>Recommendations behind it</source>
        <translation>促成本决议的建议</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Later records that refer to it</source>
        <translation>后来引用本决议的记录</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>提出于</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Resolutions</source>
        <translation>决议</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>提交方</translation>
    </message>
    <message>
        <source>Produced at</source>
        <translation>产生于</translation>
    </message>
    <message>
        <source>Considered at</source>
        <translation>审议于</translation>
    </message>
    <message>
        <source>What it led to</source>
        <translation>产生的结果</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Meetings of the body they served</source>
        <translation>其任职机构的会议</translation>
    </message>
    <message>
        <source>Mentioned with</source>
        <translation>一同提及</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>more than</source>
        <translation>超过</translation>
    </message>
    <message>
        <source>about</source>
        <translation>约</translation>
    </message>
    <message>
        <source>No such paragraph: %1</source>
        <translation>没有此段落：%1</translation>
    </message>
    <message>
        <source>Report, paragraph %1</source>
        <translation>报告第%1段</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>The loaded text has no paragraph %1.</source>
        <translation>已载入的文本中没有第%1段。</translation>
    </message>
    <message>
        <source>Introduced by %1:</source>
        <translation>由%1引出：</translation>
    </message>
    <message>
        <source>The report’s text is not loaded, so the paragraph cannot be shown here.</source>
        <translation>未载入报告文本，因此无法在此显示该段落。</translation>
    </message>
    <message>
        <source>Read it in the official document</source>
        <translation>在正式文件中阅读</translation>
    </message>
    <message>
        <source>Choose the report’s text file…</source>
        <translation>选择报告的文本文件…</translation>
    </message>
    <message>
        <source>the words of %1</source>
        <translation>%1的措辞</translation>
    </message>
    <message>
        <source>Quotations the dataset holds from it</source>
        <translation>本数据集引自该段的原文</translation>
    </message>
    <message>
        <source>Inferences resting on it</source>
        <translation>基于该段的推断</translation>
    </message>
    <message>
        <source>Records citing it</source>
        <translation>引用该段的记录</translation>
    </message>
</context>
<context>
    <name>RecordTablePanel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>泳道</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Sittings</source>
        <translation>会期</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>提交方</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Qualifier</source>
        <translation>限定</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Contributors</source>
        <translation>捐助方</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Filter %1</source>
        <translation>筛选%1</translation>
    </message>
    <message>
        <source>%1 table</source>
        <translation>%1表</translation>
    </message>
    <message>
        <source>Show only one kind</source>
        <translation>只显示一种类型</translation>
    </message>
    <message>
        <source>Show only one year</source>
        <translation>只显示一个年份</translation>
    </message>
    <message>
        <source>%1 choices</source>
        <translation>%1选项</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Save the rows shown as a CSV file</source>
        <translation>将显示的行保存为 CSV 文件</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>所有年份</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / 共 %2</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>ITU&apos;s work on the World Summit on the Information Society, 2010–2014</source>
        <translation>国际电联关于信息社会世界峰会的工作（2010–2014年）</translation>
    </message>
    <message>
        <source>Analysts&apos; notes</source>
        <translation>分析人员笔记</translation>
    </message>
    <message>
        <source>No notes on the records of this report.</source>
        <translation>本报告所涉记录上没有笔记。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>%1 only in English: the data has no Chinese for it.</source>
        <translation>%1 仅有英文：数据中没有相应的中文。</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>各次会议</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Recommendations and the resolutions they led to</source>
        <translation>建议及其促成的决议</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>%1 our English translation of the report&apos;s Chinese, or only in Chinese where no English is shown.</source>
        <translation>%1 表示报告中文的英文译文由我们翻译，或在未显示英文处仅有中文。</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>提交方</translation>
    </message>
    <message>
        <source>Produced at</source>
        <translation>产生于</translation>
    </message>
    <message>
        <source>Considered at — action</source>
        <translation>审议于——处理方式</translation>
    </message>
    <message>
        <source>inferred</source>
        <translation>推断</translation>
    </message>
    <message>
        <source>(inferred): a link or status we concluded from the report (dates, symbols, the order of a list), not one it states; the conventions on the title page say more.</source>
        <translation>（推断）：本项目根据报告（日期、文号、列表顺序）得出的关联或状态，并非报告所述；详见扉页的体例说明。</translation>
    </message>
    <message>
        <source>Ref</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Resolutions</source>
        <translation>决议</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>提出于</translation>
    </message>
    <message>
        <source>Public pages are listed under their own titles, which are in English.</source>
        <translation>公开网页按其原标题列出，原标题为英文。</translation>
    </message>
    <message>
        <source>Nothing in the chosen dates and lanes.</source>
        <translation>所选日期和泳道中没有记录。</translation>
    </message>
    <message>
        <source>Resolution histories</source>
        <translation>决议沿革</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>ITU PP-14 Document 20 (Add.1): Report on the outcomes of the CWG-WSIS activities since PP-10 (Chinese text) — cited by paragraph, e.g. §2.2.5</source>
        <translation>国际电联PP-14第20号文件（Add.1）：关于PP-10以来CWG-WSIS活动成果的报告（中文本）——按段落引用，例如§2.2.5</translation>
    </message>
    <message>
        <source>The whole period</source>
        <translation>整个时期</translation>
    </message>
    <message>
        <source>The year %1</source>
        <translation>%1年</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>图</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第%1页，共%2页</translation>
    </message>
    <message>
        <source>%1 events, %2 documents, %3 resolutions, %4 recommendations, %5 people, %6 trust-fund contributors</source>
        <translation>%1项活动、%2份文件、%3项决议、%4项建议、%5位人员、%6个信托基金捐助方</translation>
    </message>
    <message>
        <source>Built from the ITU Council&apos;s report to the 2014 Plenipotentiary Conference on the outcomes of CWG-WSIS since PP-10 (PP-14/20(Add.1), Chinese text), completed with dates, places and official titles from public ITU and UN pages. Every record cites its source (a report paragraph or an external page); English titles that are our own translation are marked as such.</source>
        <translation>数据取自国际电联理事会向2014年全权代表大会提交的关于PP-10以来CWG-WSIS活动成果的报告（PP-14/20(Add.1)号文件，中文本），并以国际电联和联合国公开网页上的日期、地点和正式名称加以补充。每条记录均注明来源（报告段落或外部网页）；英文标题如为本项目自译，均予标明。</translation>
    </message>
    <message>
        <source>CWG-WSIS meetings, Council sessions, conferences, recommendations and resolutions — a timeline report</source>
        <translation>CWG-WSIS会议、理事会会议、大会、建议与决议——时间线报告</translation>
    </message>
    <message>
        <source>Title page</source>
        <translation>扉页</translation>
    </message>
    <message>
        <source>%1 · data version %2</source>
        <translation>%1 · 数据版本 %2</translation>
    </message>
    <message>
        <source>The years %1–%2</source>
        <translation>%1–%2年</translation>
    </message>
    <message>
        <source>all (%1)</source>
        <translation>全部（%1）</translation>
    </message>
    <message>
        <source>Period covered:</source>
        <translation>涵盖时期：</translation>
    </message>
    <message>
        <source>Lanes:</source>
        <translation>泳道：</translation>
    </message>
    <message>
        <source>Sections:</source>
        <translation>部分：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>Contents of the database:</source>
        <translation>数据库内容：</translation>
    </message>
    <message>
        <source>Provenance:</source>
        <translation>数据来源：</translation>
    </message>
    <message>
        <source>Conventions:</source>
        <translation>体例：</translation>
    </message>
    <message>
        <source>Generated:</source>
        <translation>生成日期：</translation>
    </message>
    <message>
        <source>Figures:</source>
        <translation>图：</translation>
    </message>
    <message>
        <source>none: no events in the chosen dates and lanes</source>
        <translation>无：所选日期和泳道中没有活动</translation>
    </message>
    <message>
        <source>Texts are in Chinese where the data has Chinese; a value followed by %1 exists only in English.</source>
        <translation>凡数据有中文的均以中文显示；后附%1的值仅有英文。</translation>
    </message>
    <message>
        <source>Texts are in English; %1 marks an English title that is our translation of the report&apos;s Chinese, or a value that exists only in Chinese.</source>
        <translation>文字以英文显示；%1标示本项目对报告中文的英文自译标题，或仅有中文的值。</translation>
    </message>
    <message>
        <source>Only what the report states: links and statuses we inferred are left out of this report.</source>
        <translation>仅收录报告所述内容：本项目推断的关联和状态均未列入本报告。</translation>
    </message>
    <message>
        <source>Links and statuses are printed plainly where the report (or a cited public page) states them; those we inferred — from dates, document symbols or the order of a list — are set in italics and followed by “(inferred)”, and dashed in the figures. The option --stated-only leaves them out.</source>
        <translation>报告（或所引公开网页）陈述的关联和状态以正体排印；本项目根据日期、文号或列表顺序推断的关联和状态以斜体排印并后附“（推断）”，在图中以虚线表示。选项 --stated-only 可将其略去。</translation>
    </message>
    <message>
        <source>No events in %1: no figure for these years.</source>
        <translation>%1年没有活动：这些年份不单独制图。</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>Search titles, symbols, resolutions…</source>
        <translation>搜索标题、文号、决议…</translation>
    </message>
    <message>
        <source>Search event titles in English and Chinese, document symbols (C13/85) and resolution numbers (1334).
Enter or F3: next match · Shift+F3: previous · Esc: clear</source>
        <translation>搜索中英文活动标题、文件文号（C13/85）和决议编号（1334）。
回车键或F3：下一个匹配项 · Shift+F3：上一个 · Esc：清除</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n个匹配项</numerusform>
        </translation>
    </message>
    <message>
        <source>no matches</source>
        <translation>无匹配项</translation>
    </message>
</context>
<context>
    <name>SearchFeatures</name>
    <message>
        <source>Search Results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Contributors</source>
        <translation>捐助方</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Show Search &amp;Results</source>
        <translation>显示搜索结果(&amp;R)</translation>
    </message>
    <message>
        <source>Show Le&amp;gend</source>
        <translation>显示图例(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Tables</source>
        <translation>表格(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;About WSIS Timeline Viewer</source>
        <translation>关于 WSIS 时间线查看器(&amp;A)</translation>
    </message>
    <message>
        <source>Cannot read the records</source>
        <translation>无法读取记录</translation>
    </message>
    <message>
        <source>Reading the records…</source>
        <translation>正在读取记录…</translation>
    </message>
    <message>
        <source>events</source>
        <translation>项活动</translation>
    </message>
    <message>
        <source>documents</source>
        <translation>份文件</translation>
    </message>
    <message>
        <source>resolutions</source>
        <translation>项决议</translation>
    </message>
    <message>
        <source>recommendations</source>
        <translation>项建议</translation>
    </message>
    <message>
        <source>people</source>
        <translation>位人员</translation>
    </message>
    <message>
        <source>contributors</source>
        <translation>个捐助方</translation>
    </message>
    <message>
        <source>topics</source>
        <translation>个议题</translation>
    </message>
    <message>
        <source>figures</source>
        <translation>个数字</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>File modified</source>
        <translation>文件修改时间</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Data: the ITU Council&apos;s report to PP-14 on the Council Working Group on WSIS (Chinese text; English version PP-14/20(Add.1)), with dates and places from public ITU and UN pages. Every record cites its source (a report paragraph such as §2.2.5, or a public page) and says whether the source states it or it is inferred.</source>
        <translation>数据：国际电联理事会就理事会WSIS工作组提交PP-14的报告（中文本；英文本为PP-14/20(Add.1)），以及国际电联和联合国公开网页上的日期和地点。每条记录都注明来源（报告段落，如§2.2.5，或公开网页），并说明是来源所述还是推断。</translation>
    </message>
    <message>
        <source>WSIS Timeline Viewer</source>
        <translation>WSIS 时间线查看器</translation>
    </message>
    <message>
        <source>About WSIS Timeline Viewer</source>
        <translation>关于 WSIS 时间线查看器</translation>
    </message>
    <message>
        <source>Source: paragraph %1 of the report to PP-14 (PP-14/20(Add.1))</source>
        <translation>来源：提交PP-14的报告第%1段（PP-14/20(Add.1)）</translation>
    </message>
    <message>
        <source>This is the first event.</source>
        <translation>这是第一项活动。</translation>
    </message>
    <message>
        <source>This is the last event.</source>
        <translation>这是最后一项活动。</translation>
    </message>
</context>
<context>
    <name>SearchResultsPanel</name>
    <message numerus="yes">
        <source>Events (%n)</source>
        <translation>
            <numerusform>活动（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Documents (%n)</source>
        <translation>
            <numerusform>文件（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resolutions (%n)</source>
        <translation>
            <numerusform>决议（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recommendations (%n)</source>
        <translation>
            <numerusform>建议（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>People (%n)</source>
        <translation>
            <numerusform>人员（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Contributors (%n)</source>
        <translation>
            <numerusform>捐助方（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Topics (%n)</source>
        <translation>
            <numerusform>议题（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Figures (%n)</source>
        <translation>
            <numerusform>数字（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Type in the search box (Ctrl+F): ids, symbols, numbers, titles, places, people.</source>
        <translation>在搜索框中输入（Ctrl+F）：标识、文号、编号、标题、地点、人员。</translation>
    </message>
    <message numerus="yes">
        <source>%n matching note(s)</source>
        <translation>
            <numerusform>%n 条匹配的笔记</numerusform>
        </translation>
    </message>
    <message>
        <source>No records match “%1”</source>
        <translation>没有与“%1”匹配的记录</translation>
    </message>
    <message>
        <source>No matches for “%1”</source>
        <translation>没有与“%1”匹配的结果</translation>
    </message>
    <message>
        <source>no matches</source>
        <translation>无匹配项</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 个匹配项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The first %n matches</source>
        <translation>
            <numerusform>前 %n 个匹配项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerOpen</name>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Cannot open database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Showing the bundled database instead.</source>
        <translation>改为显示随附的数据库。</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
</context>
<context>
    <name>ServerSearchReadiness</name>
    <message>
        <source>Preparing the search index…</source>
        <translation>正在准备搜索索引…</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Next / previous pane (toolbar boxes, timeline, details, lists)</source>
        <translation>下一个/上一个区域（工具栏输入框、时间轴、详情、列表）</translation>
    </message>
    <message>
        <source>Open the menus</source>
        <translation>打开菜单</translation>
    </message>
    <message>
        <source>Follow the next link in the details</source>
        <translation>转到详情中的下一个链接</translation>
    </message>
    <message>
        <source>Move in a list; select its record</source>
        <translation>在列表中移动；选择其中的记录</translation>
    </message>
    <message>
        <source>timeline</source>
        <translation>时间轴</translation>
    </message>
    <message>
        <source>anywhere</source>
        <translation>任何位置</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keys marked “timeline” act while the timeline has the keyboard focus (Tab moves it there).</source>
        <translation>标为“时间轴”的按键在时间轴获得键盘焦点时生效（按 Tab 键移到时间轴）。</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>范围</translation>
    </message>
</context>
<context>
    <name>TimelineAccessible</name>
    <message>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
    <message>
        <source>Timeline, %1</source>
        <translation>时间轴，%1</translation>
    </message>
    <message>
        <source>Events in view, in time order. Left and Right arrows: previous and next event; Up and Down: the lane above and below; Enter: details; plus and minus: zoom; Home: fit all.</source>
        <translation>视图中的事件，按时间排序。左右方向键：上一个和下一个事件；上下方向键：上方和下方的泳道；Enter：详情；加号和减号：缩放；Home：显示全部。</translation>
    </message>
    <message>
        <source>%1, %2, %3 lane</source>
        <translation>%1，%2，%3泳道</translation>
    </message>
    <message>
        <source>leads to %1 (%2)</source>
        <translation>促成%1（%2）</translation>
    </message>
    <message>
        <source>follows %1 (%2)</source>
        <translation>源自%1（%2）</translation>
    </message>
    <message>
        <source>%1, inferred</source>
        <translation>%1，推断</translation>
    </message>
</context>
<context>
    <name>ViewExport</name>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG图像 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Export View</source>
        <translation>导出视图</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入%1：%2</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出%1</translation>
    </message>
    <message>
        <source>View copied as an image</source>
        <translation>视图已复制为图像</translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translation>打印预览</translation>
    </message>
</context>
<context>
    <name>WorkspaceController</name>
    <message>
        <source>Notes are not available: %1</source>
        <translation>无法使用笔记：%1</translation>
    </message>
    <message>
        <source>Could not read the notes: %1</source>
        <translation>无法读取笔记：%1</translation>
    </message>
    <message>
        <source>All notes (%1)</source>
        <translation>全部笔记（%1）</translation>
    </message>
    <message>
        <source>Select a record to see and add its notes.</source>
        <translation>请选择一条记录，以查看或添加它的笔记。</translation>
    </message>
    <message>
        <source>Notes on %1</source>
        <translation>%1 的笔记</translation>
    </message>
    <message>
        <source> (edited)</source>
        <translation>（已编辑）</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Team server status</source>
        <translation>团队服务器状态</translation>
    </message>
    <message>
        <source>Vie&amp;ws</source>
        <translation>视图(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Save Current View…</source>
        <translation>保存当前视图(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Copy Link to Current View</source>
        <translation>复制当前视图的链接(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Open View Link…</source>
        <translation>打开视图链接(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Delete View</source>
        <translation>删除视图(&amp;D)</translation>
    </message>
    <message>
        <source>Include &amp;Notes</source>
        <translation>包含笔记(&amp;N)</translation>
    </message>
    <message>
        <source>Exports, Copy Image and Print show the note marks (and the notes of the selected record in its panel)</source>
        <translation>导出、复制图像和打印时显示笔记标记（以及所选记录面板中的笔记）</translation>
    </message>
    <message>
        <source>Save View</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <source>Name of this view:</source>
        <translation>视图名称：</translation>
    </message>
    <message>
        <source>Shared view</source>
        <translation>共享视图</translation>
    </message>
    <message>
        <source>Link to this view copied</source>
        <translation>已复制此视图的链接</translation>
    </message>
    <message>
        <source>Open View Link</source>
        <translation>打开视图链接</translation>
    </message>
    <message>
        <source>wsis-viewer: link:</source>
        <translation>wsis-viewer: 链接：</translation>
    </message>
    <message>
        <source>Cannot open this link</source>
        <translation>无法打开此链接</translation>
    </message>
    <message>
        <source>The team server cannot be reached (%1). The last data stays on screen; notes cannot be saved until it is back. Reconnecting…</source>
        <translation>无法连接团队服务器（%1）。屏幕上保留最后读取的数据；服务器恢复之前无法保存笔记。正在重新连接…</translation>
    </message>
</context>
<context>
    <name>YearRangeFilter</name>
    <message>
        <source>Years</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>First year shown</source>
        <translation>显示的第一年</translation>
    </message>
    <message>
        <source>Last year shown</source>
        <translation>显示的最后一年</translation>
    </message>
</context>
</TS>
