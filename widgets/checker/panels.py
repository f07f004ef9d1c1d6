"""HTML for the checker's panels, from an engine Assessment. Pure (no ipywidgets): the view puts these strings
into HTML widgets, and tests read them.

Every piece of text is escaped. Status is always written out in words with an icon (never colour alone):
"✖ Action: refer urgently", "Evidence: moderate ●●●○", "✔ Suggested", "✖ Not today".
"""

from __future__ import annotations

from groundup.checker.engine import EVIDENCE_WEIGHT, Assessment, NextAssessment, TechniqueResult
from groundup.checker.kb import KnowledgeBase, LessonRef
from groundup.textsafe import escape

ACTION_ICON = {"refer urgently": "✖", "refer": "⚠", "avoid the area": "⚠", "modify": "ℹ"}
STATUS_ICON = {"suggested": "✔ Suggested", "with care": "⚠ With care", "not today": "✖ Not today"}
EVIDENCE_DOTS = {"strong": "●●●●", "moderate": "●●●○", "weak": "●●○○", "expert opinion": "●○○○"}
BOX = "border:1px solid #888;border-radius:4px;padding:8px 12px;margin:6px 0"
REFERRAL_BOX = "border:3px solid #D55E00;border-radius:4px;padding:8px 12px;margin:0 0 8px 0;background:#fff6ef"


def badge(evidence: str) -> str:
    """An evidence badge in words and dots."""
    return (f'<span class="gu-badge" style="border:1px solid #555;border-radius:3px;padding:0 4px;'
            f'white-space:nowrap">Evidence: {escape(evidence)} <span aria-hidden="true">'
            f'{EVIDENCE_DOTS[evidence]}</span></span>')


def lesson_link(ref: LessonRef) -> str:
    """A relative link that opens the lesson section in a new tab (plain text if the lesson is not installed)."""
    if ref.href:
        return f'<a href="{escape(ref.href)}" target="_blank" rel="noopener">{escape(ref.label)}</a>'
    return f"<span>{escape(ref.label)}</span>"


def _sources(text: str) -> str:
    return f'<br><small>Sources: {escape(text)}</small>' if text else ""


def referral_html(assessment: Assessment) -> str:
    """The referral panel: empty when no red flag is raised."""
    referral = assessment.referral
    if referral is None:
        return ""
    parts = [
        f'<div class="gu-referral" role="alert" style="{REFERRAL_BOX}">',
        f'<h3 style="margin:4px 0">{ACTION_ICON[referral.action]} Safety first: {escape(referral.headline)}</h3>',
    ]
    for hit in referral.hits:
        flag = hit.flag
        parts.append('<div class="gu-flag" style="margin:8px 0 4px 0">')
        parts.append(f'<strong>{ACTION_ICON[flag.action]} Action: {escape(flag.action)}</strong> · '
                     f'<strong>{escape(flag.title)}</strong>')
        found = "".join(f"<li>{escape(text)}</li>" for text in hit.found if text != flag.title)
        rules = "".join(f"<li>{escape(line)}</li>" for line in hit.rule_lines)
        if found or rules:
            parts.append(f'<ul style="margin:2px 0">{found}{rules}</ul>')
        why = "Why (and how to work at a later session, once the client has been seen)" if hit.deferred else "Why"
        parts.append(f"<div><b>{why}:</b> {escape(flag.why)}</div>")
        if flag.emergency:
            parts.append(f"<div><b>Emergency:</b> {escape(flag.emergency)}</div>")
        if flag.urgent_if:
            parts.append(f"<div><b>Refer urgently if:</b> {escape(flag.urgent_if)}.</div>")
        if hit.say:
            parts.append(f"<div><b>Suggested words for the client:</b> <q>{escape(hit.say)}</q></div>")
        else:
            parts.append(f"<div><b>Suggested words for the client:</b> {escape(hit.say_note)}</div>")
        parts.append(f"<div><b>Hands-on work:</b> {escape(hit.hands_on)}{_sources(hit.sources)}</div>")
        parts.append("</div>")
    parts.append("</div>")
    return "".join(parts)


def regions_html(assessment: Assessment) -> str:
    """Ranked regions with their reasons, evidence badges and scores."""
    parts = []
    if assessment.referral:
        parts.append(f'<p><b>{ACTION_ICON[assessment.referral.action]} A red flag is ticked:</b> the safety panel at '
                     f'the top comes first.</p>')
    for line in assessment.pending:
        parts.append(f'<p class="gu-pending"><b>? Still to answer:</b> {escape(line)}</p>')
    if not assessment.regions:
        if not assessment.pending:
            parts.append("<p>No sign ticked yet: tick what you see in step 2 to see which regions to consider.</p>")
        return "".join(parts)
    parts.append('<ol class="gu-regions">')
    for result in assessment.regions:
        region = result.region
        reasons = "".join(
            f'<li>{escape(r.sign)}: {escape(r.because)} {badge(r.evidence)} '
            f'<small><i>({escape(r.arithmetic)})</i></small>{_sources(r.sources)}</li>'
            for r in result.reasons
        )
        beyond = f"<div>{escape(region.beyond)}</div>" if region.beyond else ""
        parts.append(
            f'<li style="margin-bottom:8px"><strong>{escape(region.name)}</strong> · score {result.score:g} · '
            f'{badge(result.evidence)}<div>{escape(result.headline)}</div>{beyond}'
            f'<div>Why:</div><ul>{reasons}</ul></li>'
        )
    parts.append("</ol>")
    parts.append(f'<details><summary>How the score works</summary><p>Each sign adds points to the regions it '
                 f'points to: a primary link is worth 10, a secondary link 4, times the evidence weight '
                 f'({", ".join(f"{escape(k)} {v / 10:.1f}" for k, v in EVIDENCE_WEIGHT.items())}). A region\'s '
                 f'score is the sum; ties go to the region with more signs behind it.</p></details>')
    return "".join(parts)


def _assessment_item(item: NextAssessment) -> str:
    head = f"{STATUS_ICON['not today'] if item.withheld_by else '→ Consider'}: "
    lesson = f"<div>Learn it: {lesson_link(item.lesson)}</div>"
    if item.withheld_by:
        return (f'<li><b>{head}</b>{escape(item.name)}. <i>Because of: {escape("; ".join(item.withheld_by))}.</i>'
                f'{lesson}</li>')
    how = "".join(f"<li>{escape(step)}</li>" for step in item.how)
    cut = "".join(f"<li>{escape(c)}</li>" for c in item.cutoffs + item.caveats)
    return (f'<li style="margin-bottom:6px"><b>{head}</b>{escape(item.line)} <small>(for: '
            f'{escape("; ".join(item.regions))})</small><div>How:</div><ol>{how}</ol>'
            f'<div>Cut-offs and caveats:</div><ul>{cut}</ul>{lesson}{_sources(item.sources)}</li>')


def assessments_html(assessment: Assessment) -> str:
    if not assessment.assessments:
        return "<p>Assessments to consider appear here once you tick signs.</p>"
    return '<ol class="gu-assessments">' + "".join(_assessment_item(a) for a in assessment.assessments) + "</ol>"


def _technique_item(item: TechniqueResult) -> str:
    label = f"{escape(item.code)} · {escape(item.name)}"
    lesson = f"<div>Learn it: {lesson_link(item.lesson)}</div>"
    if item.status == "not today":
        return (f'<li><b>{STATUS_ICON[item.status]}:</b> {label}. <i>Withheld because of: '
                f'{escape("; ".join(item.notes))}.</i>{lesson}</li>')
    care = "".join(f"<div><b>Take care:</b> {escape(n)}</div>" for n in item.notes)
    return (f'<li style="margin-bottom:6px"><b>{STATUS_ICON[item.status]}:</b> {label} <small>(for: '
            f'{escape(item.region)})</small>{care}<div>{escape(item.how)}</div><div><b>Stop:</b> '
            f'{escape(item.stop)}</div>{lesson}{_sources(item.sources)}</li>')


def techniques_html(assessment: Assessment) -> str:
    if not assessment.techniques:
        return "<p>Techniques appear here for the regions in the foot that your ticks point to.</p>"
    return '<ul class="gu-techniques">' + "".join(_technique_item(t) for t in assessment.techniques) + "</ul>"


def cautions_html(assessment: Assessment) -> str:
    items = "".join(f"<li>{escape(c)}</li>" for c in assessment.cautions)
    lessons = "".join(f"<li>{lesson_link(ref)}</li>" for ref in assessment.lessons)
    out = f'<div><b>Keep in mind:</b><ul class="gu-cautions">{items}</ul></div>'
    if lessons:
        out += f'<div><b>Lessons for these regions:</b><ul class="gu-lessons">{lessons}</ul></div>'
    return out


def sources_html(assessment: Assessment, kb: KnowledgeBase) -> str:
    """The full citations behind what the results show."""
    keys: list[str] = []
    if assessment.referral:
        keys += [k for hit in assessment.referral.hits for k in hit.flag.sources]
    keys += [k for result in assessment.regions for r in result.reasons for k in r.source_keys]
    keys += [k for a in assessment.assessments for k in kb.assessments[a.id].sources]
    keys += [k for t in assessment.techniques for k in kb.techniques[t.id].sources]
    keys = list(dict.fromkeys(k for k in keys if k in kb.sources))
    if not keys:
        return ""
    items = "".join(f"<li>{escape(kb.sources[k].full)}</li>" for k in keys)
    return f"<details><summary>Sources ({len(keys)})</summary><ul>{items}</ul></details>"
