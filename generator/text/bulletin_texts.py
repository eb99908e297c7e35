"""What the bulletin (通报) says: its cover, sections, sentences and the words of its methodology.

Part of the one catalogue (:data:`.catalogue.TEXT`): keys are unique across its parts."""

from .label import Label as L

BULLETIN_TEXTS: dict[str, L] = {
    "bulletin_link": L("本期通报", "This period's bulletin"),
    "bulletin_format_pdf": L("PDF", "PDF"),
    "bulletin_format_docx": L("Word 版", "Word"),
    "bulletin_title": L("重点项目建设进展情况通报", "Key projects: progress bulletin"),
    "bulletin_subtitle": L("{period} · {scope}", "{period} · {scope}"),
    "bulletin_dated": L("数据截至{date}", "Figures as of {date}"),
    "bulletin_no_period": L("本期", "This period"),
    "bulletin_numerals": L("一二三四五六七八九十", "123456789"),  # sections are numbered with these, then from 10 on
    "bulletin_numbered": L("{n}、{title}", "{n}. {title}"),
    "bulletin_indent": L("2", "0"),  # a paragraph's first-line indent, in characters
    "bulletin_contents": L("目录", "Contents"),
    "bulletin_page": L("第 {page} 页", "Page {page}"),
    "bulletin_sentence": L("{span}，{count}个项目完成投资{completed}，完成年度计划{rate}",
                           "{span}: {count} projects completed {completed}, {rate} of their annual plan"),
    "bulletin_sentence_completed": L("{span}，{count}个项目完成投资{completed}",
                                     "{span}: {count} projects completed {completed}"),
    "bulletin_sentence_unreported": L("{span}，共{count}个项目，未填报年度计划和完成投资",
                                      "{span}: {count} projects, with no annual plan or completed investment reported"),
    "bulletin_sentence_gap": L("{head}，{gap}", "{head}, {gap}"),
    "bulletin_sentence_end": L("{head}；{lights}。", "{head}; {lights}."),
    "bulletin_sentence_plain": L("{head}。", "{head}."),
    "bulletin_and": L("、", ", "),
    "bulletin_count_red": L("红灯{n}个", "{n} red"),
    "bulletin_count_yellow": L("黄灯{n}个", "{n} yellow"),
    "bulletin_count_green": L("绿灯{n}个", "{n} green"),
    "bulletin_stage": L("类别", "Stage"),
    "bulletin_by_stage": L("分类完成情况", "By stage"),
    "bulletin_completed": L("年度已完成投资", "Completed this year"),
    "bulletin_share": L("占比", "Share"),
    "bulletin_unlit": L("另有 {n} 个项目未亮灯（没有年度计划或完成数，也不属逾期未开工）。",
                        "{n} more projects have no light (no annual plan or completion, and not late to start)."),
    "bulletin_rule": L("序时进度为{share}。{bands}表中填报了亮灯情况的，以填报为准。",
                       "The share of the year elapsed is {share}. {bands} A light the table states is taken as stated."),
    "bulletin_bands_at": L("年度完成率达到或超过序时进度为绿灯，低于序时进度{yellow}个百分点以内为黄灯，低于{yellow}个百分点以上或已过计划开工时间尚未开工为红灯。",
                           "A project is green when its annual completion is at or above it, yellow up to {yellow} points "
                           "below, red further below or when it has not started by its planned start."),
    "bulletin_bands_within": L("年度完成率低于序时进度{green}个百分点以内为绿灯，{green}至{yellow}个百分点为黄灯，低于{yellow}个百分点以上或已过计划开工时间尚未开工为红灯。",
                               "A project is green up to {green} points below it, yellow up to {yellow} points below, red "
                               "further below or when it has not started by its planned start."),
    "bulletin_cut": L("……（全文见网站）", "… (in full on the website)"),
    "bulletin_cut_at": L("……（全文见网站 {url}）", "… (in full on the website, {url})"),
    "bulletin_none_behind": L("本期没有红灯、黄灯项目。", "No project is red or yellow this period."),
    "bulletin_watch_intro": L("以下{n}个项目亮红灯、黄灯，红灯在前，同色按低于序时进度的幅度排列。请责任单位对照存在问题，抓紧协调解决。",
                              "These {n} projects are red or yellow, red first, then furthest behind. The responsible units "
                              "are asked to resolve the issues listed."),
    "bulletin_watch_more": L("下表列出最落后的{shown}个；其余{rest}个见网站“项目一览”页和数据下载。",
                             "The table lists the {shown} furthest behind; the other {rest} are on the site's All projects "
                             "page and in its downloads."),
    "bulletin_changes_more": L("上表列出{shown}项；其余{rest}项见网站“本期变化”页。",
                               "The table lists {shown}; the other {rest} are on the site's This period page."),
    "bulletin_serial": L("序号", "No."),
    "bulletin_clusters": L("分产业集群情况", "By cluster"),
    "bulletin_clusters_unlisted": L("本通报涉及{n}个项目，各产业集群只写概况，项目明细见网站“项目一览”和数据下载。",
                                    "This bulletin covers {n} projects: each cluster has its summary here, and its projects "
                                    "are listed on the site's All projects page and in its downloads."),
    "bulletin_stages": L("分类推进情况", "By stage"),
    "bulletin_start_rate": L("新开工项目开工率{rate}（应开工{due}个，已开工{started}个）。",
                             "Start rate of new projects {rate} ({started} of {due} due have started)."),
    "bulletin_method": L("说明", "Method"),
    "bulletin_method_rate": L("年度完成率：年度已完成投资除以年度计划投资，只计两者都有数的项目。",
                              "Annual completion: investment completed this year over the annual plan, counting "
                              "only projects that report both."),
    "bulletin_method_share": L("序时进度：截至数据截止日期，当年已过天数占全年天数的比例。",
                               "Share of the year elapsed: the days of the year up to the as-of date over the days in the year."),
    "bulletin_method_lights": L("亮灯：{bands}", "Lights: {bands}"),
    "bulletin_method_partial": L("合计中有未公开或未填报的数字时，合计标注“不完整”并注明未计入的项数。",
                                 "A sum that leaves out withheld or unreported figures says so, with how many it left out."),
    "bulletin-no-cluster": L("没有这个产业集群：{wanted}（数据中有：{choices}）", "no such cluster: {wanted} (the data has: {choices})"),
    "bulletin-no-department": L("没有这个责任单位：{wanted}（数据中有：{choices}）", "no such responsible unit: {wanted} (the data has: {choices})"),
    "bulletin-no-period": L("数据中没有这个报告期：{wanted}（数据中有：{choices}）", "the data has no such period: {wanted} (it has: {choices})"),
    "bulletin-nothing": L("没有可生成的格式", "no format left to make"),
    "title-join": L(" · ", " · "),
    "bulletin_source": L("数据文件", "Data file"),
    "bulletin_rows": L("行数", "Rows"),
    "bulletin_sources": L("数据来源", "Sources"),
}
