import { buildTraceReport, loadFromMemory, type SourceFile } from '@realist-kb/core'
import { renderHtml, renderMarkdown } from '@realist-kb/export'
import type { Link, Nodes } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { describe, expect, it } from 'vitest'

// DOIs as registries issue them, some with characters that end or break a URL when left raw.
const dois = [
  '10.3389/fonc.2022.991843',
  '10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0',
  '10.1000/a"b#c?d&e',
]

function study(id: string, citation: Record<string, string>): SourceFile {
  const fields = Object.entries(citation)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join(', ')
  return {
    path: `studies/${id}.md`,
    text: `---\nkind: study\ncitation: { authors: [Invented A], year: 2020, title: Invented ${id}, journal: J, ${fields} }\nevidence:\n  - cmocs: [cmoc-1]\n    relation: supports\n---\n`,
  }
}

const files: SourceFile[] = [
  {
    path: 'review.md',
    text: '---\nkind: review\ntitle: Invented review\nauthors: [Doe J]\nyear: 2025\ndoi: 10.1000/review.1\nurl: https://example.org/review\n---\n',
  },
  {
    path: 'cmocs/cmoc-1.md',
    text: '---\nkind: cmoc\ntitle: Invented\ncontext: c\nmechanism: m\noutcome: o\n---\n',
  },
  ...dois.map((doi, index) => study(`doi-${index}`, { doi })),
  study('pubmed', { pmid: '23673115' }),
  study('web', { url: 'https://example.org/report?a=1&b=(2)' }),
  study('script', { url: 'javascript:alert(1)' }),
]

const decode = (text: string): string =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

/** Every link of the HTML: its address and its text, entities decoded. */
function htmlLinks(html: string): { href: string; text: string }[] {
  return [...html.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((match) => ({
    href: decode(match[1] ?? ''),
    text: decode(match[2] ?? ''),
  }))
}

/** Every link of the Markdown, as a Markdown parser reads it. */
function markdownLinks(markdown: string): { href: string; text: string }[] {
  const links: { href: string; text: string }[] = []
  const visit = (node: Nodes): void => {
    if (node.type === 'link')
      links.push({
        href: node.url,
        text: (node as Link).children
          .map((child) => ('value' in child ? child.value : ''))
          .join(''),
      })
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(fromMarkdown(markdown))
  return links
}

describe('links out of the reports', () => {
  const kb = loadFromMemory(files)
  const report = buildTraceReport(kb)

  it('loads the studies, PubMed id included', () => {
    expect(kb.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(report.studies.find((entry) => entry.id === 'pubmed')?.pmid).toBe('23673115')
  })

  for (const [format, render, linksOf] of [
    ['HTML', renderHtml, htmlLinks],
    ['Markdown', renderMarkdown, markdownLinks],
  ] as const) {
    it(`links every DOI of the data, the review's own, in ${format}`, () => {
      const links = linksOf(render(report)).filter((link) =>
        link.href.startsWith('https://doi.org/'),
      )
      const linked = links.map((link) => decodeURIComponent(link.href.slice(16)))
      // Each study's DOI in its entry and in the reference list; the review's once.
      expect([...new Set(linked)].sort()).toEqual([...dois, '10.1000/review.1'].sort())
      for (const link of links) expect(link.text).toBe(decodeURIComponent(link.href.slice(16)))
      for (const link of links) expect(link.href).not.toMatch(/[\s"<>#?]/)
    })

    it(`links PubMed records and safe URLs only, in ${format}`, () => {
      const hrefs = linksOf(render(report)).map((link) => link.href)
      expect(hrefs).toContain('https://pubmed.ncbi.nlm.nih.gov/23673115/')
      expect(hrefs).toContain('https://example.org/report?a=1&b=(2)')
      expect(hrefs).toContain('https://example.org/review')
      expect(hrefs.filter((href) => !/^(https?:\/\/|#)/.test(href))).toEqual([])
    })
  }
})
