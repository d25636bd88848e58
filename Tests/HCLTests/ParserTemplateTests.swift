import Model
import Testing

@testable import HCL

@Suite("Parser: strings, templates and heredocs")
struct ParserTemplateTests {
    @Test("Quoted strings decode every escape")
    func escapes() {
        #expect(attr(#""a\nb\rc\td\"e\\f""#) == #""a\nb\rc\td\"e\\f""#)
        #expect(attr(#""\u00e9\U0001F600""#) == "\"é😀\"")
        #expect(attr(#""$${x} and %%{y}""#) == #""${x} and %{y}""#)
        #expect(attr(#""$$x 100% $ %""#) == #""$$x 100% $ %""#)
        #expect(attr(#""""#) == #""""#)
        #expect(attr(#""ЖЖ 👩‍👩‍👧‍👦""#) == "\"ЖЖ 👩‍👩‍👧‍👦\"")
    }

    @Test("Interpolations make templates; a lone interpolation stays a one-part template")
    func interpolation() {
        #expect(attr(#""${var.name}-suffix""#) == #"(tmpl ${(. var name)} "-suffix")"#)
        #expect(attr(#""${x}""#) == "(tmpl ${x})")
        #expect(attr(#""a ${b + 1} c""#) == #"(tmpl "a " ${(+ b 1)} " c")"#)
        #expect(attr(#""${ {a = "}"}.a }""#) == #"(tmpl ${(. (object (id:"a" "}")) a)})"#)
        #expect(attr(#""${"inner ${x}"}""#) == #"(tmpl ${(tmpl "inner " ${x})})"#)
        #expect(attr("\"${f(\n  1,\n  2\n)}\"") == "(tmpl ${(call f 1 2)})")
    }

    @Test("Directives nest if/else and for with their bodies")
    func directives() {
        #expect(attr(#""%{if a}yes%{else}no%{endif}""#) == #"(tmpl (if a ["yes"] ["no"]))"#)
        #expect(attr(#""%{ if a }yes%{ endif }""#) == #"(tmpl (if a ["yes"] []))"#)
        #expect(attr(#""%{for k, v in m}${k}=${v};%{endfor}""#) == #"(tmpl (for k v m [${k} "=" ${v} ";"]))"#)
        #expect(attr(#""%{for x in xs}%{if x}[${x}]%{endif}%{endfor}""#) == #"(tmpl (for _ x xs [(if x ["[" ${x} "]"] [])]))"#)
    }

    @Test("Strip markers trim adjacent whitespace, including newlines, at parse time")
    func stripMarkers() {
        #expect(attr(#""a   ${~ x ~}   b""#) == #"(tmpl "a" ${x} "b")"#)
        #expect(attr(#""a \n ${~x}""#) == #"(tmpl "a" ${x})"#)
        #expect(attr(#""a ${x ~}  ""#) == #"(tmpl "a " ${x} "")"#)
        let heredoc = "<<EOT\n%{ for x in xs ~}\n  ${x}\n%{ endfor ~}\nend\nEOT\n"
        #expect(attr(heredoc) == #"(tmpl (for _ x xs ["  " ${x} "\n"]) "end\n")"#)
        let trimBoth = "<<EOT\nitems:\n  %{~ if a ~}\n  yes\n  %{~ endif ~}\ndone\nEOT\n"
        // Heredoc literals are one token per line, so a marker trims only its own line's
        // whitespace (terraform console renders this as "items:\n  yes\ndone\n").
        #expect(attr(trimBoth) == #"(tmpl "items:\n" (if a ["  yes\n"] []) "done\n")"#)
    }

    @Test("Heredocs keep text verbatim (no escapes) and allow an indented end marker")
    func heredocs() {
        #expect(attr("<<EOT\nFoo\nBar\nEOT\n") == #""Foo\nBar\n""#)
        #expect(attr("<<EOT\n    Foo\n      Bar\n  EOT\n") == #""    Foo\n      Bar\n""#)
        #expect(attr("<<EOT\na\\nb \"q\" $${x}\nEOT\n") == #""a\\nb \"q\" ${x}\n""#)
        #expect(attr("<<EOT\n    NOT EOT\n  EOT\n") == #""    NOT EOT\n""#)
        #expect(attr("<<EOT\nEOT\n") == #""""#)
        #expect(attr("<<EOT\r\nFoo\r\nEOT\r\n") == #""Foo\r\n""#)
        #expect(attr("<<EOT\n  ${x}\nEOT\n") == #"(tmpl "  " ${x} "\n")"#)
    }

    @Test("Flush heredocs remove the common indentation as HCL does")
    func flushHeredocs() {
        #expect(attr("<<-EOT\n    Foo\n    Bar\n  EOT\n") == #""Foo\nBar\n""#)
        #expect(attr("<<-EOT\n    Foo\n      Bar\n    Baz\n  EOT\n") == #""Foo\n  Bar\nBaz\n""#)
        #expect(attr("<<-EOT\n    Foo\n  Bar\n    Baz\n  EOT\n") == #""  Foo\nBar\n  Baz\n""#)
        #expect(attr("<<-EOT\n    Foo\n\n    Bar\n  EOT\n") == #""Foo\n\nBar\n""#)
        #expect(attr("<<-EOT\n\tFoo\n  Bar\n  EOT\n") == #""Foo\n Bar\n""#)
        #expect(attr("<<-EOT\n    Foo\n  ${space_bar}\n    Baz\n  EOT\n") == #"(tmpl "  Foo\n" ${space_bar} "\n  Baz\n")"#)
        #expect(attr("<<-EOT\n    Foo\n${x}\n    Baz\n  EOT\n") == #"(tmpl "    Foo\n" ${x} "\n    Baz\n")"#)
        #expect(attr("<<-EOT\n\u{2003}\u{2003}Foo\n  Bar\nEOT\n") == #""Foo\nBar\n""#)
    }

    @Test("parseTemplate handles bare templates with offsets")
    func bareTemplates() throws {
        let (plain, d1) = HCLParser.parseTemplate(Array("just text\nline 2".utf8), filename: "t.tpl")
        #expect(d1.isEmpty)
        #expect(plain.map(sexpr) == #""just text\nline 2""#)
        let source = "Hello ${name}!\n%{ for s in list ~}\n- ${s}\n%{ endfor ~}\n\"quoted\" \\n 100%"
        let (template, d2) = HCLParser.parseTemplate(Array(source.utf8), filename: "t.tpl")
        #expect(d2.isEmpty)
        #expect(template.map(sexpr) == #"(tmpl "Hello " ${name} "!\n" (for _ s list ["- " ${s} "\n"]) "\"quoted\" \\n 100%")"#)
        let start = SourcePosition(line: 3, column: 10, byte: 50)
        let (shifted, _) = HCLParser.parseTemplate(Array("ab${c}".utf8), filename: "x.json", start: start)
        let e = try #require(shifted)
        #expect(span(e.range) == "3:10/50-3:16/56")
        guard case .template(let parts) = e.kind, case .interpolation(let c) = parts[1] else {
            Issue.record("expected interpolation")
            return
        }
        #expect(span(c.range) == "3:14/54-3:15/55")
        let (empty, d3) = HCLParser.parseTemplate([], filename: "e.tpl")
        #expect(d3.isEmpty && empty.map(sexpr) == #""""#)
        let (unbalanced, d4) = HCLParser.parseTemplate(Array("%{ if x }a".utf8), filename: "u.tpl")
        #expect(unbalanced != nil)
        #expect(d4.map(\.message) == ["Unterminated %{if} directive: expected %{endif} before the end of the template"])
    }
}
