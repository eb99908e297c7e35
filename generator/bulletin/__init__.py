"""The bulletin (通报): one period's progress as an A4 PDF and an editable Word copy.

:func:`.compose.compose` makes an engine-neutral :class:`.document.Bulletin` from a report;
:mod:`.typeset` sets it as PDF (Typst), :mod:`.word` as .docx (python-docx); :mod:`.scope` narrows a report
to one cluster, one 责任单位 or an earlier period first."""
