<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Accessibility</name>
    <message>
        <source>Main toolbar</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <source>Open, history, zoom, event steps, years and search</source>
        <translation>Open, history, zoom, event steps, years and search</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>The selected record</source>
        <translation>The selected record</translation>
    </message>
    <message>
        <source>Details of the selected record</source>
        <translation>Details of the selected record</translation>
    </message>
    <message>
        <source>Titles, dates, sources and links to related records. Tab moves between the links; Enter follows one.</source>
        <translation>Titles, dates, sources and links to related records. Tab moves between the links; Enter follows one.</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Recommendations</translation>
    </message>
    <message>
        <source>The report&apos;s recommendations and their status</source>
        <translation>The report&apos;s recommendations and their status</translation>
    </message>
    <message>
        <source>Resolutions</source>
        <translation>Resolutions</translation>
    </message>
    <message>
        <source>The resolutions and the steps that led to them</source>
        <translation>The resolutions and the steps that led to them</translation>
    </message>
    <message>
        <source>Filter recommendations</source>
        <translation>Filter recommendations</translation>
    </message>
    <message>
        <source>Shows only the recommendations containing this text</source>
        <translation>Shows only the recommendations containing this text</translation>
    </message>
    <message>
        <source>Recommendation status</source>
        <translation>Recommendation status</translation>
    </message>
    <message>
        <source>Shows only recommendations with this status</source>
        <translation>Shows only recommendations with this status</translation>
    </message>
    <message>
        <source>Recommendations list</source>
        <translation>Recommendations list</translation>
    </message>
    <message>
        <source>Arrow keys move; the selected recommendation opens in the details</source>
        <translation>Arrow keys move; the selected recommendation opens in the details</translation>
    </message>
    <message>
        <source>Filter resolutions</source>
        <translation>Filter resolutions</translation>
    </message>
    <message>
        <source>Shows only the resolutions containing this text</source>
        <translation>Shows only the resolutions containing this text</translation>
    </message>
    <message>
        <source>Resolution status</source>
        <translation>Resolution status</translation>
    </message>
    <message>
        <source>Shows only resolutions with this status</source>
        <translation>Shows only resolutions with this status</translation>
    </message>
    <message>
        <source>Resolutions list</source>
        <translation>Resolutions list</translation>
    </message>
    <message>
        <source>Arrow keys move; the selected resolution opens in the details</source>
        <translation>Arrow keys move; the selected resolution opens in the details</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Titles in English and Chinese, document symbols and resolution numbers. Enter or F3: next match; Shift+F3: previous; Esc: clear</source>
        <translation>Titles in English and Chinese, document symbols and resolution numbers. Enter or F3: next match; Shift+F3: previous; Esc: clear</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Matches</translation>
    </message>
    <message>
        <source>First year shown</source>
        <translation>First year shown</translation>
    </message>
    <message>
        <source>Events before this year are hidden</source>
        <translation>Events before this year are hidden</translation>
    </message>
    <message>
        <source>Last year shown</source>
        <translation>Last year shown</translation>
    </message>
    <message>
        <source>Events after this year are hidden</source>
        <translation>Events after this year are hidden</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Search matches</source>
        <translation>Search matches</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>More toolbar buttons</source>
        <translation>More toolbar buttons</translation>
    </message>
    <message>
        <source>%1 choices</source>
        <translation>%1 choices</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Theme</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>WSIS Timeline Viewer</source>
        <translation>WSIS Timeline Viewer</translation>
    </message>
    <message>
        <source>Report text</source>
        <translation>Report text</translation>
    </message>
    <message>
        <source>Cannot open database</source>
        <translation>Cannot open database</translation>
    </message>
    <message>
        <source>Showing the bundled database instead.</source>
        <translation>Showing the bundled database instead.</translation>
    </message>
    <message>
        <source>Cannot use the report&apos;s text: %1</source>
        <translation>Cannot use the report&apos;s text: %1</translation>
    </message>
</context>
<context>
    <name>CLI</name>
    <message>
        <source>usage: </source>
        <translation>usage: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>positional arguments</translation>
    </message>
    <message>
        <source>options</source>
        <translation>options</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>show this help message and exit</translation>
    </message>
    <message>
        <source>database file or SQLAlchemy URL (default: bundled)</source>
        <translation>database file or SQLAlchemy URL (default: bundled)</translation>
    </message>
    <message>
        <source>first day shown: YYYY, YYYY-MM or YYYY-MM-DD (default: whole dataset)</source>
        <translation>first day shown: YYYY, YYYY-MM or YYYY-MM-DD (default: whole dataset)</translation>
    </message>
    <message>
        <source>last day shown (same forms as --from)</source>
        <translation>last day shown (same forms as --from)</translation>
    </message>
    <message>
        <source>language of texts, titles and dates (default: en)</source>
        <translation>language of texts, titles and dates (default: en)</translation>
    </message>
    <message>
        <source>Timeline of ITU&apos;s CWG-WSIS work 2010-2014. Without a command, opens the window on DB (default: the bundled database).</source>
        <translation>Timeline of ITU&apos;s CWG-WSIS work 2010-2014. Without a command, opens the window on DB (default: the bundled database).</translation>
    </message>
    <message>
        <source>show the version number and exit</source>
        <translation>show the version number and exit</translation>
    </message>
    <message>
        <source>window: database file or SQLAlchemy URL to open (default: the last one, else the bundled database)</source>
        <translation>window: database file or SQLAlchemy URL to open (default: the last one, else the bundled database)</translation>
    </message>
    <message>
        <source>window: interface language for this run (default: the one chosen in View &gt; Language, else the system&apos;s); pseudo: pseudo-localisation for layout testing</source>
        <translation>window: interface language for this run (default: the one chosen in View &gt; Language, else the system&apos;s); pseudo: pseudo-localisation for layout testing</translation>
    </message>
    <message>
        <source>window: the report&apos;s text file (one numbered paragraph a line), so Source pages show whole paragraphs (default: the one chosen in the window, if any)</source>
        <translation>window: the report&apos;s text file (one numbered paragraph a line), so Source pages show whole paragraphs (default: the one chosen in the window, if any)</translation>
    </message>
    <message>
        <source>commands</source>
        <translation>commands</translation>
    </message>
    <message>
        <source>validate resources/data and build the SQLite database</source>
        <translation>validate resources/data and build the SQLite database</translation>
    </message>
    <message>
        <source>write the whole dataset as JSON</source>
        <translation>write the whole dataset as JSON</translation>
    </message>
    <message>
        <source>render the timeline to PNG, SVG or PDF (headless)</source>
        <translation>render the timeline to PNG, SVG or PDF (headless)</translation>
    </message>
    <message>
        <source>OUT.png, OUT.svg or OUT.pdf</source>
        <translation>OUT.png, OUT.svg or OUT.pdf</translation>
    </message>
    <message>
        <source>comma-separated lane ids to show (default: all)</source>
        <translation>comma-separated lane ids to show (default: all)</translation>
    </message>
    <message>
        <source>record to select, with its chain (event id, resolution id or number, recommendation id, document symbol)</source>
        <translation>record to select, with its chain (event id, resolution id or number, recommendation id, document symbol)</translation>
    </message>
    <message>
        <source>highlight matches of TEXT, dim the rest</source>
        <translation>highlight matches of TEXT, dim the rest</translation>
    </message>
    <message>
        <source>include the detail panel of the selected record</source>
        <translation>include the detail panel of the selected record</translation>
    </message>
    <message>
        <source>colours (default: light)</source>
        <translation>colours (default: light)</translation>
    </message>
    <message>
        <source>WIDTHxHEIGHT in pixels (default 1600x900)</source>
        <translation>WIDTHxHEIGHT in pixels (default 1600x900)</translation>
    </message>
    <message>
        <source>pixel ratio for PNG (1, 2, 3)</source>
        <translation>pixel ratio for PNG (1, 2, 3)</translation>
    </message>
    <message>
        <source>SVG text as glyph outlines (paths: looks the same everywhere) or as text with the used glyphs embedded (font: selectable in browsers) (default: paths)</source>
        <translation>SVG text as glyph outlines (paths: looks the same everywhere) or as text with the used glyphs embedded (font: selectable in browsers) (default: paths)</translation>
    </message>
    <message>
        <source>draw only what the report states: no inferred links</source>
        <translation>draw only what the report states: no inferred links</translation>
    </message>
    <message>
        <source>draw the notes: a mark on each event with notes, and the selected record&apos;s notes in its panel with --details (yours, or the team server&apos;s with --db URL)</source>
        <translation>draw the notes: a mark on each event with notes, and the selected record&apos;s notes in its panel with --details (yours, or the team server&apos;s with --db URL)</translation>
    </message>
    <message>
        <source>write the multi-page PDF report (headless)</source>
        <translation>write the multi-page PDF report (headless)</translation>
    </message>
    <message>
        <source>the PDF file to write</source>
        <translation>the PDF file to write</translation>
    </message>
    <message>
        <source>comma-separated sections to include, in any order: events, documents, recommendations, resolutions, sources (default: all)</source>
        <translation>comma-separated sections to include, in any order: events, documents, recommendations, resolutions, sources (default: all)</translation>
    </message>
    <message>
        <source>add a chapter with the notes on the records (yours, or the team server&apos;s with --db URL)</source>
        <translation>add a chapter with the notes on the records (yours, or the team server&apos;s with --db URL)</translation>
    </message>
    <message>
        <source>validate the source files, write nothing</source>
        <translation>validate the source files, write nothing</translation>
    </message>
    <message>
        <source>search every kind of record (ids, symbols, numbers, titles, places, people)</source>
        <translation>search every kind of record (ids, symbols, numbers, titles, places, people)</translation>
    </message>
    <message>
        <source>words, a symbol or a number</source>
        <translation>words, a symbol or a number</translation>
    </message>
    <message>
        <source>only records of this kind (may be repeated)</source>
        <translation>only records of this kind (may be repeated)</translation>
    </message>
    <message>
        <source>at most this many hits (default 20)</source>
        <translation>at most this many hits (default 20)</translation>
    </message>
    <message>
        <source>print one JSON object: {query, results: [{kind, id, title, matched, score}], notes: [{record, record_kind, record_title, author, text, created, edited, match}]}</source>
        <translation>print one JSON object: {query, results: [{kind, id, title, matched, score}], notes: [{record, record_kind, record_title, author, text, created, edited, match}]}</translation>
    </message>
    <message>
        <source>search the notes of this workspace file instead of your own (with --db URL: the team server&apos;s notes)</source>
        <translation>search the notes of this workspace file instead of your own (with --db URL: the team server&apos;s notes)</translation>
    </message>
    <message>
        <source>search the records only, not the notes</source>
        <translation>search the records only, not the notes</translation>
    </message>
    <message>
        <source>language of the titles printed (default: en)</source>
        <translation>language of the titles printed (default: en)</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>%1 (year only)</source>
        <translation>%1 (year only)</translation>
    </message>
    <message>
        <source>%1 (month only)</source>
        <translation>%1 (month only)</translation>
    </message>
    <message>
        <source>%1 (year)</source>
        <translation>%1 (year)</translation>
    </message>
    <message>
        <source>%1 (month)</source>
        <translation>%1 (month)</translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <source>The report&apos;s text file</source>
        <translation>The report&apos;s text file</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Text files (*.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Select an event on the timeline, or a row in a list, to see its details here.</source>
        <translation>Select an event on the timeline, or a row in a list, to see its details here.</translation>
    </message>
</context>
<context>
    <name>EventSearch</name>
    <message>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>ITU&apos;s work on WSIS, 2010–2014: the CWG-WSIS timeline</source>
        <translation>ITU&apos;s work on WSIS, 2010–2014: the CWG-WSIS timeline</translation>
    </message>
    <message>
        <source>selected: %1</source>
        <translation>selected: %1</translation>
    </message>
    <message>
        <source>search: %1</source>
        <translation>search: %1</translation>
    </message>
    <message>
        <source>%1 · database: %2 · exported %3</source>
        <translation>%1 · database: %2 · exported %3</translation>
    </message>
    <message>
        <source>…continued</source>
        <translation>…continued</translation>
    </message>
    <message>
        <source>multi-day sitting</source>
        <translation>multi-day sitting</translation>
    </message>
    <message>
        <source>single day</source>
        <translation>single day</translation>
    </message>
    <message>
        <source>date known to month/year only</source>
        <translation>date known to month/year only</translation>
    </message>
    <message>
        <source>sittings of one meeting</source>
        <translation>sittings of one meeting</translation>
    </message>
    <message>
        <source>chain (time elapsed)</source>
        <translation>chain (time elapsed)</translation>
    </message>
    <message>
        <source>inferred step (not stated)</source>
        <translation>inferred step (not stated)</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>selected</translation>
    </message>
    <message>
        <source>has notes</source>
        <translation>has notes</translation>
    </message>
    <message>
        <source>WSIS Timeline Viewer export</source>
        <translation>WSIS Timeline Viewer export</translation>
    </message>
</context>
<context>
    <name>LaneToggles</name>
    <message>
        <source>Show All Lanes</source>
        <translation>Show All Lanes</translation>
    </message>
</context>
<context>
    <name>Lanes</name>
    <message>
        <source>CWG-WSIS</source>
        <translation>CWG-WSIS</translation>
    </message>
    <message>
        <source>Council</source>
        <translation>Council</translation>
    </message>
    <message>
        <source>Plenipotentiary</source>
        <translation>Plenipotentiary</translation>
    </message>
    <message>
        <source>WSIS Forum &amp; HLE</source>
        <translation>WSIS Forum &amp; HLE</translation>
    </message>
    <message>
        <source>UN General Assembly</source>
        <translation>UN General Assembly</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>LegendPanel</name>
    <message>
        <source>Lanes</source>
        <translation>Lanes</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>Marks</translation>
    </message>
    <message>
        <source>a sitting of several days</source>
        <translation>a sitting of several days</translation>
    </message>
    <message>
        <source>a one-day sitting</source>
        <translation>a one-day sitting</translation>
    </message>
    <message>
        <source>sittings of one meeting, joined</source>
        <translation>sittings of one meeting, joined</translation>
    </message>
    <message>
        <source>date known only to the month or year</source>
        <translation>date known only to the month or year</translation>
    </message>
    <message>
        <source>chain of steps, labelled with the time elapsed</source>
        <translation>chain of steps, labelled with the time elapsed</translation>
    </message>
    <message>
        <source>inferred step (the report does not state it)</source>
        <translation>inferred step (the report does not state it)</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>selected</translation>
    </message>
    <message>
        <source>PP-10 → PP-14 period</source>
        <translation>PP-10 → PP-14 period</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>Open a WSIS database file</source>
        <translation>Open a WSIS database file</translation>
    </message>
    <message>
        <source>Clear Recent Files</source>
        <translation>Clear Recent Files</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Find &amp;Next</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>Find &amp;Previous</translation>
    </message>
    <message>
        <source>&amp;Fit All</source>
        <translation>&amp;Fit All</translation>
    </message>
    <message>
        <source>Show the whole time span</source>
        <translation>Show the whole time span</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;In</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom &amp;Out</translation>
    </message>
    <message>
        <source>&amp;Year Range…</source>
        <translation>&amp;Year Range…</translation>
    </message>
    <message>
        <source>Show only some years</source>
        <translation>Show only some years</translation>
    </message>
    <message>
        <source>Show &amp;All Years</source>
        <translation>Show &amp;All Years</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>Follow the desktop&apos;s colours</source>
        <translation>Follow the desktop&apos;s colours</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Light</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dark</translation>
    </message>
    <message>
        <source>&amp;High Contrast</source>
        <translation>&amp;High Contrast</translation>
    </message>
    <message>
        <source>White and yellow on black, for low vision</source>
        <translation>White and yellow on black, for low vision</translation>
    </message>
    <message>
        <source>Pan &amp;Earlier</source>
        <translation>Pan &amp;Earlier</translation>
    </message>
    <message>
        <source>Pan La&amp;ter</source>
        <translation>Pan La&amp;ter</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Keyboard Shortcuts</translation>
    </message>
    <message>
        <source>Every keyboard shortcut of the window</source>
        <translation>Every keyboard shortcut of the window</translation>
    </message>
    <message>
        <source>Show &amp;Details</source>
        <translation>Show &amp;Details</translation>
    </message>
    <message>
        <source>Show &amp;Overview</source>
        <translation>Show &amp;Overview</translation>
    </message>
    <message>
        <source>Show Only What the Report &amp;States</source>
        <translation>Show Only What the Report &amp;States</translation>
    </message>
    <message>
        <source>Hide every link and status that is our inference</source>
        <translation>Hide every link and status that is our inference</translation>
    </message>
    <message>
        <source>&amp;Previous Event</source>
        <translation>&amp;Previous Event</translation>
    </message>
    <message>
        <source>&amp;Next Event</source>
        <translation>&amp;Next Event</translation>
    </message>
    <message>
        <source>Previous &amp;Lane</source>
        <translation>Previous &amp;Lane</translation>
    </message>
    <message>
        <source>Next L&amp;ane</source>
        <translation>Next L&amp;ane</translation>
    </message>
    <message>
        <source>Open &amp;Details</source>
        <translation>Open &amp;Details</translation>
    </message>
    <message>
        <source>&amp;Clear Selection</source>
        <translation>&amp;Clear Selection</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>Back to the previous selection</source>
        <translation>Back to the previous selection</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Forward</translation>
    </message>
    <message>
        <source>Forward to the next selection</source>
        <translation>Forward to the next selection</translation>
    </message>
    <message>
        <source>Show &amp;Recommendations</source>
        <translation>Show &amp;Recommendations</translation>
    </message>
    <message>
        <source>Show Re&amp;solutions</source>
        <translation>Show Re&amp;solutions</translation>
    </message>
    <message>
        <source>SVG Drawing…</source>
        <translation>SVG Drawing…</translation>
    </message>
    <message>
        <source>PDF Document…</source>
        <translation>PDF Document…</translation>
    </message>
    <message>
        <source>Copy &amp;Image</source>
        <translation>Copy &amp;Image</translation>
    </message>
    <message>
        <source>Copy the view as a picture</source>
        <translation>Copy the view as a picture</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>PNG Image (%1×)…</source>
        <translation>PNG Image (%1×)…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Recommendations</translation>
    </message>
    <message>
        <source>Resolutions</source>
        <translation>Resolutions</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <source>&amp;Export View</source>
        <translation>&amp;Export View</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Lanes</source>
        <translation>&amp;Lanes</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>Lan&amp;guage</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Main Toolbar</translation>
    </message>
    <message>
        <source>Cannot open database</source>
        <translation>Cannot open database</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Opening %1…</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Checking %1…</translation>
    </message>
    <message>
        <source>Open WSIS Database</source>
        <translation>Open WSIS Database</translation>
    </message>
    <message>
        <source>WSIS databases (*.sqlite *.db);;All files (*)</source>
        <translation>WSIS databases (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <source>Reading the records of this database…</source>
        <translation>Reading the records of this database…</translation>
    </message>
    <message>
        <source>Reading the records…</source>
        <translation>Reading the records…</translation>
    </message>
    <message>
        <source>Cannot read the record</source>
        <translation>Cannot read the record</translation>
    </message>
    <message>
        <source>The records could not be read: %1</source>
        <translation>The records could not be read: %1</translation>
    </message>
    <message>
        <source>WSIS Timeline Viewer</source>
        <translation>WSIS Timeline Viewer</translation>
    </message>
    <message>
        <source>No database</source>
        <translation>No database</translation>
    </message>
    <message>
        <source>%1 — WSIS Timeline Viewer</source>
        <translation>%1 — WSIS Timeline Viewer</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n resolution(s)</source>
        <translation>
            <numerusform>%n resolution</numerusform>
            <numerusform>%n resolutions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recommendation(s)</source>
        <translation>
            <numerusform>%n recommendation</numerusform>
            <numerusform>%n recommendations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n hidden by filters)</source>
        <translation>
            <numerusform>(%n hidden by filters)</numerusform>
            <numerusform>(%n hidden by filters)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NoteSearch</name>
    <message>
        <source>Notes could not be searched: %1</source>
        <translation>Notes could not be searched: %1</translation>
    </message>
</context>
<context>
    <name>NotesDock</name>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Notes on all records</source>
        <translation>Notes on all records</translation>
    </message>
    <message>
        <source>Search the notes…</source>
        <translation>Search the notes…</translation>
    </message>
    <message>
        <source>Search the notes</source>
        <translation>Search the notes</translation>
    </message>
    <message>
        <source>Write a note on the selected record…</source>
        <translation>Write a note on the selected record…</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>Note text</translation>
    </message>
    <message>
        <source>&amp;Add Note</source>
        <translation>&amp;Add Note</translation>
    </message>
    <message>
        <source>&amp;Save Changes</source>
        <translation>&amp;Save Changes</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
</context>
<context>
    <name>NotesResultsTable</name>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Edited</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message numerus="yes">
        <source>Notes (%n)</source>
        <translation>
            <numerusform>Notes (%n)</numerusform>
            <numerusform>Notes (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordListPanel</name>
    <message>
        <source>Filter…</source>
        <translation>Filter…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message numerus="yes">
        <source>%n resolution(s)</source>
        <translation>
            <numerusform>%n resolution</numerusform>
            <numerusform>%n resolutions</numerusform>
        </translation>
    </message>
    <message>
        <source>(filtered from %1)</source>
        <translation>(filtered from %1)</translation>
    </message>
</context>
<context>
    <name>RecordLists</name>
    <message>
        <source>led to a resolution</source>
        <translation>led to a resolution</translation>
    </message>
    <message>
        <source>endorsed</source>
        <translation>endorsed</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <source>forwarded</source>
        <translation>forwarded</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>proposed</translation>
    </message>
    <message>
        <source>noted</source>
        <translation>noted</translation>
    </message>
    <message>
        <source>status not stated</source>
        <translation>status not stated</translation>
    </message>
    <message>
        <source>%1 (inferred)</source>
        <translation>%1 (inferred)</translation>
    </message>
    <message>
        <source>Inferred, not stated by the report (%1): %2</source>
        <translation>Inferred, not stated by the report (%1): %2</translation>
    </message>
    <message>
        <source>The report, %1: “%2”</source>
        <translation>The report, %1: “%2”</translation>
    </message>
    <message>
        <source>Council</source>
        <translation>Council</translation>
    </message>
    <message>
        <source>Plenipotentiary</source>
        <translation>Plenipotentiary</translation>
    </message>
    <message>
        <source>UN General Assembly</source>
        <translation>UN General Assembly</translation>
    </message>
    <message>
        <source>WSIS+10</source>
        <translation>WSIS+10</translation>
    </message>
    <message>
        <source>%1 led to a decision</source>
        <translation>%1 led to a decision</translation>
    </message>
    <message>
        <source>%1 forwarded</source>
        <translation>%1 forwarded</translation>
    </message>
    <message>
        <source>%1 proposed, outcome not recorded</source>
        <translation>%1 proposed, outcome not recorded</translation>
    </message>
    <message>
        <source>%1 noted</source>
        <translation>%1 noted</translation>
    </message>
    <message>
        <source>Ref</source>
        <translation>Ref</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Recommendation</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Resolutions</source>
        <translation>Resolutions</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>Made at</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>First adopted</source>
        <translation>First adopted</translation>
    </message>
    <message>
        <source>Last modified</source>
        <translation>Last modified</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Steps</translation>
    </message>
</context>
<context>
    <name>RecordMenu</name>
    <message>
        <source>Copy Citation</source>
        <translation>Copy Citation</translation>
    </message>
    <message>
        <source>Copy Link</source>
        <translation>Copy Link</translation>
    </message>
    <message>
        <source>Open Source</source>
        <translation>Open Source</translation>
    </message>
    <message>
        <source>Zoom To</source>
        <translation>Zoom To</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Recommendation</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Contributor</source>
        <translation>Contributor</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Stated figure</source>
        <translation>Stated figure</translation>
    </message>
    <message>
        <source>CWG-WSIS meeting</source>
        <translation>CWG-WSIS meeting</translation>
    </message>
    <message>
        <source>Council session</source>
        <translation>Council session</translation>
    </message>
    <message>
        <source>Plenipotentiary Conference</source>
        <translation>Plenipotentiary Conference</translation>
    </message>
    <message>
        <source>WSIS Forum</source>
        <translation>WSIS Forum</translation>
    </message>
    <message>
        <source>High-Level Event</source>
        <translation>High-Level Event</translation>
    </message>
    <message>
        <source>UN General Assembly</source>
        <translation>UN General Assembly</translation>
    </message>
    <message>
        <source>Open consultation</source>
        <translation>Open consultation</translation>
    </message>
    <message>
        <source>Advisory group meeting</source>
        <translation>Advisory group meeting</translation>
    </message>
    <message>
        <source>Working group meeting</source>
        <translation>Working group meeting</translation>
    </message>
    <message>
        <source>Observance</source>
        <translation>Observance</translation>
    </message>
    <message>
        <source>Summit</source>
        <translation>Summit</translation>
    </message>
    <message>
        <source>Meeting summary</source>
        <translation>Meeting summary</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Addendum</source>
        <translation>Addendum</translation>
    </message>
    <message>
        <source>Contribution</source>
        <translation>Contribution</translation>
    </message>
    <message>
        <source>Resolution text</source>
        <translation>Resolution text</translation>
    </message>
    <message>
        <source>Outcome document</source>
        <translation>Outcome document</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>Publication</translation>
    </message>
    <message>
        <source>adopted</source>
        <translation>adopted</translation>
    </message>
    <message>
        <source>revised</source>
        <translation>revised</translation>
    </message>
    <message>
        <source>modified</source>
        <translation>modified</translation>
    </message>
    <message>
        <source>noted</source>
        <translation>noted</translation>
    </message>
    <message>
        <source>endorsed</source>
        <translation>endorsed</translation>
    </message>
    <message>
        <source>examined</source>
        <translation>examined</translation>
    </message>
    <message>
        <source>recommended</source>
        <translation>recommended</translation>
    </message>
    <message>
        <source>followed up</source>
        <translation>followed up</translation>
    </message>
    <message>
        <source>considered</source>
        <translation>considered</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>submitted</translation>
    </message>
    <message>
        <source>led to a resolution</source>
        <translation>led to a resolution</translation>
    </message>
    <message>
        <source>forwarded</source>
        <translation>forwarded</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>proposed</translation>
    </message>
    <message>
        <source>status not stated</source>
        <translation>status not stated</translation>
    </message>
    <message>
        <source>Member State</source>
        <translation>Member State</translation>
    </message>
    <message>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>Initiative</source>
        <translation>Initiative</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>Adjustment</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Input</translation>
    </message>
    <message>
        <source>session</source>
        <translation>session</translation>
    </message>
    <message>
        <source>first part</source>
        <translation>first part</translation>
    </message>
    <message>
        <source>second part</source>
        <translation>second part</translation>
    </message>
    <message>
        <source>second session</source>
        <translation>second session</translation>
    </message>
    <message>
        <source>final meeting</source>
        <translation>final meeting</translation>
    </message>
    <message>
        <source>main event</source>
        <translation>main event</translation>
    </message>
    <message>
        <source>pre-events</source>
        <translation>pre-events</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Chair</translation>
    </message>
    <message>
        <source>Vice-Chair</source>
        <translation>Vice-Chair</translation>
    </message>
    <message>
        <source>Secretary-General</source>
        <translation>Secretary-General</translation>
    </message>
    <message>
        <source>Deputy Secretary-General</source>
        <translation>Deputy Secretary-General</translation>
    </message>
    <message>
        <source>Thanked for efficient support</source>
        <translation>Thanked for efficient support</translation>
    </message>
    <message>
        <source>our translation</source>
        <translation>our translation</translation>
    </message>
    <message>
        <source>[only in 中文]</source>
        <translation>[only in 中文]</translation>
    </message>
    <message>
        <source>[only in English]</source>
        <translation>[only in English]</translation>
    </message>
    <message>
        <source>the report&apos;s words, %1</source>
        <translation>the report&apos;s words, %1</translation>
    </message>
    <message>
        <source>our wording, not the report&apos;s</source>
        <translation>our wording, not the report&apos;s</translation>
    </message>
    <message>
        <source>Inferred, not stated by the report (%1)</source>
        <translation>Inferred, not stated by the report (%1)</translation>
    </message>
    <message>
        <source>The report, %1: “%2”</source>
        <translation>The report, %1: “%2”</translation>
    </message>
    <message>
        <source>Stated by %1</source>
        <translation>Stated by %1</translation>
    </message>
    <message>
        <source>inferred</source>
        <translation>inferred</translation>
    </message>
    <message>
        <source>Council Resolution</source>
        <translation>Council Resolution</translation>
    </message>
    <message>
        <source>Plenipotentiary Resolution</source>
        <translation>Plenipotentiary Resolution</translation>
    </message>
    <message>
        <source>UNGA resolution</source>
        <translation>UNGA resolution</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <source>Report %1</source>
        <translation>Report %1</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>(via %1)</source>
        <translation>(via %1)</translation>
    </message>
    <message>
        <source>Chain on the timeline</source>
        <translation>Chain on the timeline</translation>
    </message>
    <message>
        <source>Inferred connector: it rests on a link the report does not state</source>
        <translation>Inferred connector: it rests on a link the report does not state</translation>
    </message>
    <message>
        <source>No such record: %1</source>
        <translation>No such record: %1</translation>
    </message>
    <message>
        <source>Session %1:</source>
        <translation>Session %1:</translation>
    </message>
    <message>
        <source>No. %1</source>
        <translation>No. %1</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>(inferred: Chair of %1, %2)</source>
        <translation>(inferred: Chair of %1, %2)</translation>
    </message>
    <message>
        <source>Date note</source>
        <translation>Date note</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Documents produced</source>
        <translation>Documents produced</translation>
    </message>
    <message>
        <source>Documents considered</source>
        <translation>Documents considered</translation>
    </message>
    <message>
        <source>Resolutions adopted or modified here</source>
        <translation>Resolutions adopted or modified here</translation>
    </message>
    <message>
        <source>Resolutions discussed</source>
        <translation>Resolutions discussed</translation>
    </message>
    <message>
        <source>Recommendations made here</source>
        <translation>Recommendations made here</translation>
    </message>
    <message>
        <source>Recommendations concerning this event</source>
        <translation>Recommendations concerning this event</translation>
    </message>
    <message>
        <source>Other records that refer to it</source>
        <translation>Other records that refer to it</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Recommendations behind it</source>
        <translation>Recommendations behind it</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Later records that refer to it</source>
        <translation>Later records that refer to it</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>Paragraph</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>Made at</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Resolutions</source>
        <translation>Resolutions</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>Submitted by</translation>
    </message>
    <message>
        <source>Produced at</source>
        <translation>Produced at</translation>
    </message>
    <message>
        <source>Considered at</source>
        <translation>Considered at</translation>
    </message>
    <message>
        <source>What it led to</source>
        <translation>What it led to</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Meetings of the body they served</source>
        <translation>Meetings of the body they served</translation>
    </message>
    <message>
        <source>Mentioned with</source>
        <translation>Mentioned with</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Country</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>Years</translation>
    </message>
    <message>
        <source>more than</source>
        <translation>more than</translation>
    </message>
    <message>
        <source>about</source>
        <translation>about</translation>
    </message>
    <message>
        <source>No such paragraph: %1</source>
        <translation>No such paragraph: %1</translation>
    </message>
    <message>
        <source>Report, paragraph %1</source>
        <translation>Report, paragraph %1</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>status: %1</source>
        <translation>status: %1</translation>
    </message>
    <message>
        <source>The loaded text has no paragraph %1.</source>
        <translation>The loaded text has no paragraph %1.</translation>
    </message>
    <message>
        <source>Introduced by %1:</source>
        <translation>Introduced by %1:</translation>
    </message>
    <message>
        <source>The report’s text is not loaded, so the paragraph cannot be shown here.</source>
        <translation>The report’s text is not loaded, so the paragraph cannot be shown here.</translation>
    </message>
    <message>
        <source>Read it in the official document</source>
        <translation>Read it in the official document</translation>
    </message>
    <message>
        <source>Choose the report’s text file…</source>
        <translation>Choose the report’s text file…</translation>
    </message>
    <message>
        <source>the words of %1</source>
        <translation>the words of %1</translation>
    </message>
    <message>
        <source>Quotations the dataset holds from it</source>
        <translation>Quotations the dataset holds from it</translation>
    </message>
    <message>
        <source>Inferences resting on it</source>
        <translation>Inferences resting on it</translation>
    </message>
    <message>
        <source>Records citing it</source>
        <translation>Records citing it</translation>
    </message>
</context>
<context>
    <name>RecordTablePanel</name>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>Lane</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Sittings</source>
        <translation>Sittings</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>Submitted by</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Country</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>Paragraph</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>Years</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Qualifier</source>
        <translation>Qualifier</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Contributors</source>
        <translation>Contributors</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Figures</translation>
    </message>
    <message>
        <source>Filter %1</source>
        <translation>Filter %1</translation>
    </message>
    <message>
        <source>%1 table</source>
        <translation>%1 table</translation>
    </message>
    <message>
        <source>Show only one kind</source>
        <translation>Show only one kind</translation>
    </message>
    <message>
        <source>Show only one year</source>
        <translation>Show only one year</translation>
    </message>
    <message>
        <source>%1 choices</source>
        <translation>%1 choices</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>Filter…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Save the rows shown as a CSV file</source>
        <translation>Save the rows shown as a CSV file</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>ITU&apos;s work on the World Summit on the Information Society, 2010–2014</source>
        <translation>ITU&apos;s work on the World Summit on the Information Society, 2010–2014</translation>
    </message>
    <message>
        <source>Analysts&apos; notes</source>
        <translation>Analysts&apos; notes</translation>
    </message>
    <message>
        <source>No notes on the records of this report.</source>
        <translation>No notes on the records of this report.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>%1 only in English: the data has no Chinese for it.</source>
        <translation>%1 only in English: the data has no Chinese for it.</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Recommendations and the resolutions they led to</source>
        <translation>Recommendations and the resolutions they led to</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>%1 our English translation of the report&apos;s Chinese, or only in Chinese where no English is shown.</source>
        <translation>%1 our English translation of the report&apos;s Chinese, or only in Chinese where no English is shown.</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>Submitted by</translation>
    </message>
    <message>
        <source>Produced at</source>
        <translation>Produced at</translation>
    </message>
    <message>
        <source>Considered at — action</source>
        <translation>Considered at — action</translation>
    </message>
    <message>
        <source>inferred</source>
        <translation>inferred</translation>
    </message>
    <message>
        <source>(inferred): a link or status we concluded from the report (dates, symbols, the order of a list), not one it states; the conventions on the title page say more.</source>
        <translation>(inferred): a link or status we concluded from the report (dates, symbols, the order of a list), not one it states; the conventions on the title page say more.</translation>
    </message>
    <message>
        <source>Ref</source>
        <translation>Ref</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Recommendation</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Resolutions</source>
        <translation>Resolutions</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>Made at</translation>
    </message>
    <message>
        <source>Public pages are listed under their own titles, which are in English.</source>
        <translation>Public pages are listed under their own titles, which are in English.</translation>
    </message>
    <message>
        <source>Nothing in the chosen dates and lanes.</source>
        <translation>Nothing in the chosen dates and lanes.</translation>
    </message>
    <message>
        <source>Resolution histories</source>
        <translation>Resolution histories</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>ITU PP-14 Document 20 (Add.1): Report on the outcomes of the CWG-WSIS activities since PP-10 (Chinese text) — cited by paragraph, e.g. §2.2.5</source>
        <translation>ITU PP-14 Document 20 (Add.1): Report on the outcomes of the CWG-WSIS activities since PP-10 (Chinese text) — cited by paragraph, e.g. §2.2.5</translation>
    </message>
    <message>
        <source>The whole period</source>
        <translation>The whole period</translation>
    </message>
    <message>
        <source>The year %1</source>
        <translation>The year %1</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Figures</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>%1 events, %2 documents, %3 resolutions, %4 recommendations, %5 people, %6 trust-fund contributors</source>
        <translation>%1 events, %2 documents, %3 resolutions, %4 recommendations, %5 people, %6 trust-fund contributors</translation>
    </message>
    <message>
        <source>Built from the ITU Council&apos;s report to the 2014 Plenipotentiary Conference on the outcomes of CWG-WSIS since PP-10 (PP-14/20(Add.1), Chinese text), completed with dates, places and official titles from public ITU and UN pages. Every record cites its source (a report paragraph or an external page); English titles that are our own translation are marked as such.</source>
        <translation>Built from the ITU Council&apos;s report to the 2014 Plenipotentiary Conference on the outcomes of CWG-WSIS since PP-10 (PP-14/20(Add.1), Chinese text), completed with dates, places and official titles from public ITU and UN pages. Every record cites its source (a report paragraph or an external page); English titles that are our own translation are marked as such.</translation>
    </message>
    <message>
        <source>CWG-WSIS meetings, Council sessions, conferences, recommendations and resolutions — a timeline report</source>
        <translation>CWG-WSIS meetings, Council sessions, conferences, recommendations and resolutions — a timeline report</translation>
    </message>
    <message>
        <source>Title page</source>
        <translation>Title page</translation>
    </message>
    <message>
        <source>%1 · data version %2</source>
        <translation>%1 · data version %2</translation>
    </message>
    <message>
        <source>The years %1–%2</source>
        <translation>The years %1–%2</translation>
    </message>
    <message>
        <source>all (%1)</source>
        <translation>all (%1)</translation>
    </message>
    <message>
        <source>Period covered:</source>
        <translation>Period covered:</translation>
    </message>
    <message>
        <source>Lanes:</source>
        <translation>Lanes:</translation>
    </message>
    <message>
        <source>Sections:</source>
        <translation>Sections:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <source>Contents of the database:</source>
        <translation>Contents of the database:</translation>
    </message>
    <message>
        <source>Provenance:</source>
        <translation>Provenance:</translation>
    </message>
    <message>
        <source>Conventions:</source>
        <translation>Conventions:</translation>
    </message>
    <message>
        <source>Generated:</source>
        <translation>Generated:</translation>
    </message>
    <message>
        <source>Figures:</source>
        <translation>Figures:</translation>
    </message>
    <message>
        <source>none: no events in the chosen dates and lanes</source>
        <translation>none: no events in the chosen dates and lanes</translation>
    </message>
    <message>
        <source>Texts are in Chinese where the data has Chinese; a value followed by %1 exists only in English.</source>
        <translation>Texts are in Chinese where the data has Chinese; a value followed by %1 exists only in English.</translation>
    </message>
    <message>
        <source>Texts are in English; %1 marks an English title that is our translation of the report&apos;s Chinese, or a value that exists only in Chinese.</source>
        <translation>Texts are in English; %1 marks an English title that is our translation of the report&apos;s Chinese, or a value that exists only in Chinese.</translation>
    </message>
    <message>
        <source>Only what the report states: links and statuses we inferred are left out of this report.</source>
        <translation>Only what the report states: links and statuses we inferred are left out of this report.</translation>
    </message>
    <message>
        <source>Links and statuses are printed plainly where the report (or a cited public page) states them; those we inferred — from dates, document symbols or the order of a list — are set in italics and followed by “(inferred)”, and dashed in the figures. The option --stated-only leaves them out.</source>
        <translation>Links and statuses are printed plainly where the report (or a cited public page) states them; those we inferred — from dates, document symbols or the order of a list — are set in italics and followed by “(inferred)”, and dashed in the figures. The option --stated-only leaves them out.</translation>
    </message>
    <message>
        <source>No events in %1: no figure for these years.</source>
        <translation>No events in %1: no figure for these years.</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contents</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>Search titles, symbols, resolutions…</source>
        <translation>Search titles, symbols, resolutions…</translation>
    </message>
    <message>
        <source>Search event titles in English and Chinese, document symbols (C13/85) and resolution numbers (1334).
Enter or F3: next match · Shift+F3: previous · Esc: clear</source>
        <translation>Search event titles in English and Chinese, document symbols (C13/85) and resolution numbers (1334).
Enter or F3: next match · Shift+F3: previous · Esc: clear</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message>
        <source>no matches</source>
        <translation>no matches</translation>
    </message>
</context>
<context>
    <name>SearchFeatures</name>
    <message>
        <source>Search Results</source>
        <translation>Search Results</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legend</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Contributors</source>
        <translation>Contributors</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Figures</translation>
    </message>
    <message>
        <source>Show Search &amp;Results</source>
        <translation>Show Search &amp;Results</translation>
    </message>
    <message>
        <source>Show Le&amp;gend</source>
        <translation>Show Le&amp;gend</translation>
    </message>
    <message>
        <source>&amp;Tables</source>
        <translation>&amp;Tables</translation>
    </message>
    <message>
        <source>&amp;About WSIS Timeline Viewer</source>
        <translation>&amp;About WSIS Timeline Viewer</translation>
    </message>
    <message>
        <source>Cannot read the records</source>
        <translation>Cannot read the records</translation>
    </message>
    <message>
        <source>Reading the records…</source>
        <translation>Reading the records…</translation>
    </message>
    <message>
        <source>events</source>
        <translation>events</translation>
    </message>
    <message>
        <source>documents</source>
        <translation>documents</translation>
    </message>
    <message>
        <source>resolutions</source>
        <translation>resolutions</translation>
    </message>
    <message>
        <source>recommendations</source>
        <translation>recommendations</translation>
    </message>
    <message>
        <source>people</source>
        <translation>people</translation>
    </message>
    <message>
        <source>contributors</source>
        <translation>contributors</translation>
    </message>
    <message>
        <source>topics</source>
        <translation>topics</translation>
    </message>
    <message>
        <source>figures</source>
        <translation>figures</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>File modified</source>
        <translation>File modified</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Data: the ITU Council&apos;s report to PP-14 on the Council Working Group on WSIS (Chinese text; English version PP-14/20(Add.1)), with dates and places from public ITU and UN pages. Every record cites its source (a report paragraph such as §2.2.5, or a public page) and says whether the source states it or it is inferred.</source>
        <translation>Data: the ITU Council&apos;s report to PP-14 on the Council Working Group on WSIS (Chinese text; English version PP-14/20(Add.1)), with dates and places from public ITU and UN pages. Every record cites its source (a report paragraph such as §2.2.5, or a public page) and says whether the source states it or it is inferred.</translation>
    </message>
    <message>
        <source>WSIS Timeline Viewer</source>
        <translation>WSIS Timeline Viewer</translation>
    </message>
    <message>
        <source>About WSIS Timeline Viewer</source>
        <translation>About WSIS Timeline Viewer</translation>
    </message>
    <message>
        <source>Source: paragraph %1 of the report to PP-14 (PP-14/20(Add.1))</source>
        <translation>Source: paragraph %1 of the report to PP-14 (PP-14/20(Add.1))</translation>
    </message>
    <message>
        <source>This is the first event.</source>
        <translation>This is the first event.</translation>
    </message>
    <message>
        <source>This is the last event.</source>
        <translation>This is the last event.</translation>
    </message>
</context>
<context>
    <name>SearchResultsPanel</name>
    <message numerus="yes">
        <source>Events (%n)</source>
        <translation>
            <numerusform>Events (%n)</numerusform>
            <numerusform>Events (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Documents (%n)</source>
        <translation>
            <numerusform>Documents (%n)</numerusform>
            <numerusform>Documents (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resolutions (%n)</source>
        <translation>
            <numerusform>Resolutions (%n)</numerusform>
            <numerusform>Resolutions (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recommendations (%n)</source>
        <translation>
            <numerusform>Recommendations (%n)</numerusform>
            <numerusform>Recommendations (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>People (%n)</source>
        <translation>
            <numerusform>People (%n)</numerusform>
            <numerusform>People (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Contributors (%n)</source>
        <translation>
            <numerusform>Contributors (%n)</numerusform>
            <numerusform>Contributors (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Topics (%n)</source>
        <translation>
            <numerusform>Topics (%n)</numerusform>
            <numerusform>Topics (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Figures (%n)</source>
        <translation>
            <numerusform>Figures (%n)</numerusform>
            <numerusform>Figures (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>Type in the search box (Ctrl+F): ids, symbols, numbers, titles, places, people.</source>
        <translation>Type in the search box (Ctrl+F): ids, symbols, numbers, titles, places, people.</translation>
    </message>
    <message numerus="yes">
        <source>%n matching note(s)</source>
        <translation>
            <numerusform>%n matching note</numerusform>
            <numerusform>%n matching notes</numerusform>
        </translation>
    </message>
    <message>
        <source>No records match “%1”</source>
        <translation>No records match “%1”</translation>
    </message>
    <message>
        <source>No matches for “%1”</source>
        <translation>No matches for “%1”</translation>
    </message>
    <message>
        <source>no matches</source>
        <translation>no matches</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The first %n matches</source>
        <translation>
            <numerusform>The first %n matches</numerusform>
            <numerusform>The first %n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerOpen</name>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <source>Cannot open database</source>
        <translation>Cannot open database</translation>
    </message>
    <message>
        <source>Showing the bundled database instead.</source>
        <translation>Showing the bundled database instead.</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Opening %1…</translation>
    </message>
</context>
<context>
    <name>ServerSearchReadiness</name>
    <message>
        <source>Preparing the search index…</source>
        <translation>Preparing the search index…</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Next / previous pane (toolbar boxes, timeline, details, lists)</source>
        <translation>Next / previous pane (toolbar boxes, timeline, details, lists)</translation>
    </message>
    <message>
        <source>Open the menus</source>
        <translation>Open the menus</translation>
    </message>
    <message>
        <source>Follow the next link in the details</source>
        <translation>Follow the next link in the details</translation>
    </message>
    <message>
        <source>Move in a list; select its record</source>
        <translation>Move in a list; select its record</translation>
    </message>
    <message>
        <source>timeline</source>
        <translation>timeline</translation>
    </message>
    <message>
        <source>anywhere</source>
        <translation>anywhere</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Keyboard Shortcuts</translation>
    </message>
    <message>
        <source>Keys marked “timeline” act while the timeline has the keyboard focus (Tab moves it there).</source>
        <translation>Keys marked “timeline” act while the timeline has the keyboard focus (Tab moves it there).</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
</context>
<context>
    <name>TimelineAccessible</name>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Timeline, %1</source>
        <translation>Timeline, %1</translation>
    </message>
    <message>
        <source>Events in view, in time order. Left and Right arrows: previous and next event; Up and Down: the lane above and below; Enter: details; plus and minus: zoom; Home: fit all.</source>
        <translation>Events in view, in time order. Left and Right arrows: previous and next event; Up and Down: the lane above and below; Enter: details; plus and minus: zoom; Home: fit all.</translation>
    </message>
    <message>
        <source>%1, %2, %3 lane</source>
        <translation>%1, %2, %3 lane</translation>
    </message>
    <message>
        <source>leads to %1 (%2)</source>
        <translation>leads to %1 (%2)</translation>
    </message>
    <message>
        <source>follows %1 (%2)</source>
        <translation>follows %1 (%2)</translation>
    </message>
    <message>
        <source>%1, inferred</source>
        <translation>%1, inferred</translation>
    </message>
</context>
<context>
    <name>ViewExport</name>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG drawing (*.svg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Export View</source>
        <translation>Export View</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Exported %1</translation>
    </message>
    <message>
        <source>View copied as an image</source>
        <translation>View copied as an image</translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translation>Print Preview</translation>
    </message>
</context>
<context>
    <name>WorkspaceController</name>
    <message>
        <source>Notes are not available: %1</source>
        <translation>Notes are not available: %1</translation>
    </message>
    <message>
        <source>Could not read the notes: %1</source>
        <translation>Could not read the notes: %1</translation>
    </message>
    <message>
        <source>All notes (%1)</source>
        <translation>All notes (%1)</translation>
    </message>
    <message>
        <source>Select a record to see and add its notes.</source>
        <translation>Select a record to see and add its notes.</translation>
    </message>
    <message>
        <source>Notes on %1</source>
        <translation>Notes on %1</translation>
    </message>
    <message>
        <source> (edited)</source>
        <translation> (edited)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Team server status</source>
        <translation>Team server status</translation>
    </message>
    <message>
        <source>Vie&amp;ws</source>
        <translation>Vie&amp;ws</translation>
    </message>
    <message>
        <source>&amp;Save Current View…</source>
        <translation>&amp;Save Current View…</translation>
    </message>
    <message>
        <source>&amp;Copy Link to Current View</source>
        <translation>&amp;Copy Link to Current View</translation>
    </message>
    <message>
        <source>&amp;Open View Link…</source>
        <translation>&amp;Open View Link…</translation>
    </message>
    <message>
        <source>&amp;Delete View</source>
        <translation>&amp;Delete View</translation>
    </message>
    <message>
        <source>Include &amp;Notes</source>
        <translation>Include &amp;Notes</translation>
    </message>
    <message>
        <source>Exports, Copy Image and Print show the note marks (and the notes of the selected record in its panel)</source>
        <translation>Exports, Copy Image and Print show the note marks (and the notes of the selected record in its panel)</translation>
    </message>
    <message>
        <source>Save View</source>
        <translation>Save View</translation>
    </message>
    <message>
        <source>Name of this view:</source>
        <translation>Name of this view:</translation>
    </message>
    <message>
        <source>Shared view</source>
        <translation>Shared view</translation>
    </message>
    <message>
        <source>Link to this view copied</source>
        <translation>Link to this view copied</translation>
    </message>
    <message>
        <source>Open View Link</source>
        <translation>Open View Link</translation>
    </message>
    <message>
        <source>wsis-viewer: link:</source>
        <translation>wsis-viewer: link:</translation>
    </message>
    <message>
        <source>Cannot open this link</source>
        <translation>Cannot open this link</translation>
    </message>
    <message>
        <source>The team server cannot be reached (%1). The last data stays on screen; notes cannot be saved until it is back. Reconnecting…</source>
        <translation>The team server cannot be reached (%1). The last data stays on screen; notes cannot be saved until it is back. Reconnecting…</translation>
    </message>
</context>
<context>
    <name>YearRangeFilter</name>
    <message>
        <source>Years</source>
        <translation>Years</translation>
    </message>
    <message>
        <source>First year shown</source>
        <translation>First year shown</translation>
    </message>
    <message>
        <source>Last year shown</source>
        <translation>Last year shown</translation>
    </message>
</context>
</TS>
