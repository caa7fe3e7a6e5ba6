"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure): one test case per file."""
from __future__ import annotations

import xml.etree.ElementTree as ET


def render_junit(reports) -> str:
    suite = ET.Element("testsuite", name="tonelint", tests=str(len(reports)))
    failures = errors = 0
    for report in reports:
        case = ET.SubElement(suite, "testcase", classname="tonelint", name=report.path)
        if report.error:
            errors += 1
            ET.SubElement(case, "error", message=report.error, type="input")
            continue
        found = [d for d in report.result.diagnostics if d.severity >= report.fail_on]
        if found:
            failures += 1
            failure = ET.SubElement(case, "failure", message=f"{len(found)} findings", type="tone")
            failure.text = "\n".join(f"{report.path}:{d.line}:{d.column} {d.severity.label} {d.rule} {d.message}"
                                     for d in found)
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    root = ET.Element("testsuites")
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
