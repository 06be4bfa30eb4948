# The shape of an invented article for the extraction fixtures, and its expected body.
from dataclasses import dataclass, field


@dataclass
class H:  # a subheading inside the body
    text: str


@dataclass
class UL:
    items: list


@dataclass
class OL:
    items: list


@dataclass
class T:  # a content table: caption, then rows (the first row is the header)
    caption: str
    rows: list


@dataclass
class Q:  # a block quotation
    text: str


@dataclass
class F:  # a photo with caption and credit: NOT part of the expected body
    caption: str
    credit: str


@dataclass
class A:
    slug: str
    headline: str
    author: str
    date: str
    section: str
    body: list = field(default_factory=list)

    def paragraphs(self):
        return [b for b in self.body if isinstance(b, str)]

    def plain_text(self):
        """The article as JSON-LD articleBody carries it: paragraphs, lists and quotes."""
        out = []
        for b in self.body:
            if isinstance(b, str):
                out.append(b)
            elif isinstance(b, (H, Q)):
                out.append(b.text)
            elif isinstance(b, (UL, OL)):
                out.extend(b.items)
        return "\n".join(out)


def expected_body(a):
    """One line per paragraph, subheading, list item, quotation and table row (cells joined
    by ' | '); captions and credits are not body."""
    out = []
    for b in a.body:
        if isinstance(b, str):
            out.append(b)
        elif isinstance(b, (H, Q)):
            out.append(b.text)
        elif isinstance(b, (UL, OL)):
            out.extend(b.items)
        elif isinstance(b, T):
            out.append(b.caption)
            out.extend(" | ".join(r) for r in b.rows)
    return "\n".join(out) + "\n"
