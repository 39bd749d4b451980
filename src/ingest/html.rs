//! HTML: the visible text (blocks on their own lines, paragraphs apart), the
//! `<title>`, and the publication date from `<meta>`, JSON-LD or `<time>`.

use std::sync::LazyLock;

use chrono::NaiveDate;
use scraper::{ElementRef, Html, Node, Selector};

use crate::document::Document;

use super::{IngestOptions, ReadError, dct};

/// Elements whose contents are never shown.
const HIDDEN: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object",
    "embed", "canvas", "video", "audio", "select", "datalist",
];

/// Elements that stand apart as paragraphs (a blank line around them).
const PARAGRAPH: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "article",
    "section",
    "header",
    "footer",
    "blockquote",
    "figcaption",
    "figure",
    "main",
    "aside",
    "nav",
    "address",
    "ul",
    "ol",
    "dl",
    "table",
    "pre",
    "form",
    "fieldset",
    "details",
    "summary",
    "hr",
    "caption",
    "center",
    "body",
    "html",
];

/// Elements that start a new line.
const LINE: &[&str] = &["br", "li", "tr", "dt", "dd", "option", "legend"];

/// Elements separated from their neighbours by a space.
const CELL: &[&str] = &["td", "th"];

/// `<meta>` names or properties that give the publication date, best first.
const DATE_META: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.date",
];

static META: LazyLock<Selector> = LazyLock::new(|| selector("meta[content]"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static JSON_LD: LazyLock<Selector> =
    LazyLock::new(|| selector(r#"script[type="application/ld+json"]"#));
static ITEMPROP_PUBLISHED: LazyLock<Selector> =
    LazyLock::new(|| selector(r#"[itemprop="datePublished"]"#));
static TIME: LazyLock<Selector> = LazyLock::new(|| selector("time[datetime]"));

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("valid selector")
}

/// Reads an HTML article. Fails with [`ReadError::NoVisibleText`] when
/// nothing is visible.
pub(crate) fn read(
    id: &str,
    source: &str,
    html: &str,
    options: &IngestOptions,
) -> Result<Document, ReadError> {
    let page = Html::parse_document(html);
    let text = visible_text(&page);
    if text.trim().is_empty() {
        return Err(ReadError::NoVisibleText);
    }
    let mut document = Document::from_text(id, text);
    document.source = source.to_string();
    document.title = title(&page);
    if let Some((date, from)) = dct::resolve(options, published_date(&page), &document.text) {
        document = document.with_dct(date, from);
    }
    Ok(document)
}

/// The text a reader sees, with whitespace runs collapsed, blocks on their
/// own lines and a blank line between paragraphs.
fn visible_text(page: &Html) -> String {
    let mut out = TextBuilder::default();
    collect(page.root_element(), &mut out);
    out.text
}

fn collect(element: ElementRef<'_>, out: &mut TextBuilder) {
    for child in element.children() {
        match child.value() {
            Node::Text(text) => out.push_text(text),
            Node::Element(element) => {
                let name = element.name();
                if HIDDEN.contains(&name)
                    || element.attr("hidden").is_some()
                    || element.attr("aria-hidden") == Some("true")
                {
                    continue;
                }
                let gap = if PARAGRAPH.contains(&name) {
                    Gap::Paragraph
                } else if LINE.contains(&name) {
                    Gap::Line
                } else if CELL.contains(&name) {
                    Gap::Space
                } else {
                    Gap::None
                };
                out.gap(gap);
                if let Some(child) = ElementRef::wrap(child) {
                    collect(child, out);
                }
                out.gap(gap);
            }
            _ => {}
        }
    }
}

/// The separation owed before the next visible character.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    #[default]
    None,
    Space,
    Line,
    Paragraph,
}

/// Builds text from runs, collapsing white space and separating blocks.
#[derive(Default)]
struct TextBuilder {
    text: String,
    pending: Gap,
}

impl TextBuilder {
    fn gap(&mut self, gap: Gap) {
        self.pending = self.pending.max(gap);
    }

    fn push_text(&mut self, run: &str) {
        for c in run.chars() {
            if c.is_whitespace() {
                self.gap(Gap::Space);
                continue;
            }
            if !self.text.is_empty() {
                match self.pending {
                    Gap::None => {}
                    Gap::Space => self.text.push(' '),
                    Gap::Line => self.text.push('\n'),
                    Gap::Paragraph => self.text.push_str("\n\n"),
                }
            }
            self.pending = Gap::None;
            self.text.push(c);
        }
    }
}

/// `<title>`, else the first `<h1>`, with white space collapsed.
fn title(page: &Html) -> Option<String> {
    [&*TITLE, &*H1].into_iter().find_map(|selector| {
        page.select(selector)
            .map(|element| collapse(&element.text().collect::<String>()))
            .find(|title| !title.is_empty())
    })
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The publication date the page declares: `<meta>` (in [`DATE_META`]
/// order), JSON-LD `datePublished`, `itemprop="datePublished"`, `<time>`.
fn published_date(page: &Html) -> Option<NaiveDate> {
    let metas: Vec<(String, &str)> = page
        .select(&META)
        .filter_map(|meta| {
            let element = meta.value();
            let key = element
                .attr("property")
                .or_else(|| element.attr("name"))
                .or_else(|| element.attr("itemprop"))?;
            Some((key.trim().to_ascii_lowercase(), element.attr("content")?))
        })
        .collect();
    let from_meta = DATE_META.iter().find_map(|wanted| {
        metas
            .iter()
            .filter(|(key, _)| key == wanted)
            .find_map(|(_, content)| dct::parse_date_value(content))
    });
    from_meta
        .or_else(|| json_ld_date(page))
        .or_else(|| {
            page.select(&ITEMPROP_PUBLISHED)
                .find_map(|element| date_attribute(element, &["content", "datetime"]))
        })
        .or_else(|| {
            page.select(&TIME)
                .find_map(|element| date_attribute(element, &["datetime"]))
        })
}

fn date_attribute(element: ElementRef<'_>, names: &[&str]) -> Option<NaiveDate> {
    names
        .iter()
        .filter_map(|name| element.value().attr(name))
        .find_map(dct::parse_date_value)
}

/// The first `datePublished` in the page's JSON-LD blocks.
fn json_ld_date(page: &Html) -> Option<NaiveDate> {
    page.select(&JSON_LD).find_map(|script| {
        let json: serde_json::Value =
            serde_json::from_str(&script.text().collect::<String>()).ok()?;
        find_key(&json, "datePublished")
            .and_then(serde_json::Value::as_str)
            .and_then(dct::parse_date_value)
    })
}

fn find_key<'a>(value: &'a serde_json::Value, key: &str) -> Option<&'a serde_json::Value> {
    match value {
        serde_json::Value::Object(map) => map
            .get(key)
            .or_else(|| map.values().find_map(|inner| find_key(inner, key))),
        serde_json::Value::Array(items) => items.iter().find_map(|item| find_key(item, key)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::DctSource;

    fn read_page(html: &str) -> Document {
        read("page", "page.html", html, &IngestOptions::default()).expect("readable page")
    }

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn visible_text_drops_scripts_and_separates_paragraphs() {
        let html = r#"<!DOCTYPE html><html><head><title>Ignored in text</title>
            <style>p { color: red }</style><script>var x = "hidden";</script></head>
            <body><h1>Storm   hits
            coast</h1><p>Winds of <b>120</b> km/h.</p><p>Power is out.<br>More later.</p>
            <noscript>Enable JS</noscript><template><p>tmpl</p></template>
            <ul><li>One</li><li>Two</li></ul><div hidden>secret</div>
            <script>document.write("in body")</script><style>.x{}</style></body></html>"#;
        let document = read_page(html);
        assert_eq!(
            document.text,
            "Storm hits coast\n\nWinds of 120 km/h.\n\nPower is out.\nMore later.\n\nOne\nTwo"
        );
    }

    #[test]
    fn entities_are_decoded_and_inline_elements_joined() {
        let html = "<p>AT&amp;T&nbsp;and <i>Ben</i>&#8217;s &lt;shop&gt; in<span>side</span></p>";
        assert_eq!(read_page(html).text, "AT&T and Ben\u{2019}s <shop> inside");
    }

    #[test]
    fn title_from_title_element_else_first_h1() {
        let with_title = "<html><head><title> Storm &amp; rain </title></head><body><h1>H</h1><p>x</p></body></html>";
        assert_eq!(read_page(with_title).title.as_deref(), Some("Storm & rain"));
        let with_h1 = "<body><h1>Storm <em>hits</em></h1><p>x</p></body>";
        assert_eq!(read_page(with_h1).title.as_deref(), Some("Storm hits"));
        assert_eq!(read_page("<p>x</p>").title, None);
    }

    #[test]
    fn dct_from_meta_time_and_json_ld() {
        let meta = r#"<head><meta property="article:published_time" content="2023-01-24T12:26:00Z">
            </head><body><time datetime="2022-05-05">x</time><p>Body</p></body>"#;
        let document = read_page(meta);
        assert_eq!(document.dct, date(2023, 1, 24));
        assert_eq!(document.dct_source, Some(DctSource::Metadata));

        let name = r#"<meta name="pubdate" content="2021-03-04"><p>Body</p>"#;
        assert_eq!(read_page(name).dct, date(2021, 3, 4));
        let itemprop =
            r#"<p>By X <span itemprop="datePublished" content="2020-02-02">Feb</span></p>"#;
        assert_eq!(read_page(itemprop).dct, date(2020, 2, 2));
        let time = r#"<p>Posted <time datetime="2019-07-08T10:00">July 8</time></p>"#;
        assert_eq!(read_page(time).dct, date(2019, 7, 8));
        let json_ld = r#"<script type="application/ld+json">{"@type":"NewsArticle",
            "datePublished":"2018-06-07T09:00:00+02:00"}</script><p>Body</p>"#;
        assert_eq!(read_page(json_ld).dct, date(2018, 6, 7));
    }

    #[test]
    fn dateline_in_visible_text_when_no_metadata() {
        let html = "<h1>Storm</h1><p>Published: January 24, 2023</p><p>Body.</p>";
        let document = read_page(html);
        assert_eq!(document.dct, date(2023, 1, 24));
        assert_eq!(document.dct_source, Some(DctSource::Dateline));
    }

    #[test]
    fn page_without_visible_text_is_empty() {
        let result = read(
            "p",
            "p.html",
            "<script>x()</script>",
            &IngestOptions::default(),
        );
        assert_eq!(result, Err(ReadError::NoVisibleText));
    }
}
