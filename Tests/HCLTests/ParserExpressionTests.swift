import Model
import Testing

@testable import HCL

@Suite("Parser: expressions")
struct ParserExpressionTests {
    @Test("Binary operators follow HCL precedence")
    func precedence() {
        #expect(attr("1 + 2 * 3") == "(+ 1 (* 2 3))")
        #expect(attr("1 * 2 + 3") == "(+ (* 1 2) 3)")
        #expect(attr("a || b && c") == "(|| a (&& b c))")
        #expect(attr("a == b && c != d") == "(&& (== a b) (!= c d))")
        #expect(attr("a < b == c >= d") == "(== (< a b) (>= c d))")
        #expect(attr("a + b > c - d") == "(> (+ a b) (- c d))")
        #expect(attr("a % b / c * d") == "(* (/ (% a b) c) d)")
        #expect(attr("x <= 1 || y > 2") == "(|| (<= x 1) (> y 2))")
    }

    @Test("Binary operators of equal precedence associate to the left")
    func leftAssociative() {
        #expect(attr("1 - 2 - 3") == "(- (- 1 2) 3)")
        #expect(attr("8 / 4 / 2") == "(/ (/ 8 4) 2)")
        #expect(attr("a && b && c") == "(&& (&& a b) c)")
    }

    @Test("Unary operators bind tighter than binary ones and take traversals")
    func unary() {
        #expect(attr("-1") == "(neg 1)")
        #expect(attr("-46 + 5") == "(+ (neg 46) 5)")
        #expect(attr("!a.enabled == b") == "(== (not (. a enabled)) b)")
        #expect(attr("!!x") == "(not (not x))")
        #expect(attr("- -x[0]") == "(neg (neg ([] x 0)))")
        #expect(attr("-a * b") == "(* (neg a) b)")
    }

    @Test("Conditionals nest to the right and contain full expressions")
    func conditional() {
        #expect(attr("a ? b : c") == "(? a b c)")
        #expect(attr("a ? b : c ? d : e") == "(? a b (? c d e))")
        #expect(attr("a == 1 ? x + 1 : y * 2") == "(? (== a 1) (+ x 1) (* y 2))")
        #expect(attr("a ? b ? c : d : e") == "(? a (? b c d) e)")
    }

    @Test("Parentheses are kept and override precedence")
    func parentheses() {
        #expect(attr("(1 + 2) * 3") == "(* (paren (+ 1 2)) 3)")
        #expect(attr("(\n  a\n  + b\n)") == "(paren (+ a b))")
    }

    @Test("Literals: numbers, bools, null, identifiers with dashes and Unicode")
    func literals() {
        #expect(attr("1") == "1")
        #expect(attr("1.5") == "1.5")
        #expect(attr("1e10") == "10000000000")
        #expect(attr("1.5E-3") == "0.0015")
        #expect(attr("2e+2") == "200")
        #expect(attr("true") == "true")
        #expect(attr("false") == "false")
        #expect(attr("null") == "null")
        #expect(attr("foo-bar") == "foo-bar")
        #expect(attr("foo - bar") == "(- foo bar)")
        #expect(attr("ünïcødé_name") == "ünïcødé_name")
        #expect(attr("_private") == "_private")
    }

    @Test("Attribute access, index and legacy index")
    func traversals() {
        #expect(attr("var.x") == "(. var x)")
        #expect(attr("aws_instance.web.id") == "(. (. aws_instance web) id)")
        #expect(attr("local.m[\"key\"]") == "([] (. local m) \"key\")")
        #expect(attr("x[count.index]") == "([] x (. count index))")
        #expect(attr("x.0") == "([] x 0)")
        #expect(attr("x.0.name") == "(. ([] x 0) name)")
        #expect(attr("x[\n  1\n]") == "([] x 1)")
        #expect(attr("f(1)[0].y") == "(. ([] (call f 1) 0) y)")
    }

    @Test("Full splat takes every following traversal into its each-expression")
    func fullSplat() {
        #expect(attr("x[*]") == "(splat x @)")
        #expect(attr("x[*].id") == "(splat x (. @ id))")
        #expect(attr("x[*].a[0].b") == "(splat x (. ([] (. @ a) 0) b))")
        #expect(attr("x[*].a[*].b") == "(splat x (splat (. @ a) (. @ b)))")
        #expect(attr("x[*].a.*.b") == "(splat x (splat (. @ a) (. @ b)))")
    }

    @Test("Attribute-only splat takes only attribute steps")
    func attributeSplat() {
        #expect(attr("x.*") == "(splat x @)")
        #expect(attr("x.*.id") == "(splat x (. @ id))")
        #expect(attr("x.*.a.b") == "(splat x (. (. @ a) b))")
        #expect(attr("x.*.id[0]") == "([] (splat x (. @ id)) 0)")
        #expect(attr("x.*.a.0") == "(splat x ([] (. @ a) 0))")
    }

    @Test("Function calls: arguments, trailing comma, expansion, namespaces, newlines")
    func calls() {
        #expect(attr("f()") == "(call f)")
        #expect(attr("max(1, 2, 3)") == "(call max 1 2 3)")
        #expect(attr("concat(a, b,)") == "(call concat a b)")
        #expect(attr("min(list...)") == "(call min list ...)")
        #expect(attr("f(1, xs...)") == "(call f 1 xs ...)")
        #expect(attr("provider::aws::arn_parse(x)") == "(call provider::aws::arn_parse x)")
        #expect(attr("merge(\n  a,\n  b\n)") == "(call merge a b)")
        #expect(attr("upper(\"x\")") == "(call upper \"x\")")
    }

    @Test("Tuples: commas, newlines, trailing comma")
    func tuples() {
        #expect(attr("[]") == "(tuple)")
        #expect(attr("[1, 2, 3]") == "(tuple 1 2 3)")
        #expect(attr("[\n  1,\n  2,\n]") == "(tuple 1 2)")
        #expect(attr("[[1], [2, [3]]]") == "(tuple (tuple 1) (tuple 2 (tuple 3)))")
    }

    @Test("Object keys: identifiers, strings, expressions, parenthesised")
    func objects() {
        #expect(attr("{}") == "(object)")
        #expect(attr("{ a = 1, b = 2 }") == "(object (id:\"a\" 1) (id:\"b\" 2))")
        #expect(attr("{ a: 1, \"b c\": 2 }") == "(object (id:\"a\" 1) (\"b c\" 2))")
        #expect(attr("{\n  a = 1\n  b = 2\n}") == "(object (id:\"a\" 1) (id:\"b\" 2))")
        #expect(attr("{\n  a = 1,\n  b = 2,\n}") == "(object (id:\"a\" 1) (id:\"b\" 2))")
        #expect(attr("{ (var.k) = 1 }") == "(object ((paren (. var k)) 1))")
        #expect(attr("{ (k) = 1 }") == "(object ((paren k) 1))")
        #expect(attr("{ \"${p}-x\" = 1 }") == "(object ((tmpl ${p} \"-x\") 1))")
        #expect(attr("{ true = 1, null = 2 }") == "(object (id:\"true\" 1) (id:\"null\" 2))")
        #expect(attr("{ a.b = 1 }") == "(object ((. a b) 1))")
    }

    @Test("For expressions: tuple and object forms, conditions, grouping")
    func forExpressions() {
        #expect(attr("[for s in var.list : upper(s)]") == "(for _ s (. var list) (call upper s))")
        #expect(attr("[for i, s in xs : \"${i}=${s}\" if i > 0]") == "(for i s xs (tmpl ${i} \"=\" ${s}) if (> i 0))")
        #expect(attr("{for k, v in m : k => v}") == "(for k v m k => v)")
        #expect(attr("{for v in xs : v.key => v.value... if v.ok}") == "(for _ v xs (. v key) => (. v value) ... if (. v ok))")
        #expect(attr("{\n  for k, v in m :\n  k => v\n}") == "(for k v m k => v)")
        #expect(attr("[for x in a ? b : c : x]") == "(for _ x (? a b c) x)")
        #expect(attr("[for x in xs : x ? 1 : 2]") == "(for _ x xs (? x 1 2))")
    }

    @Test("parseExpression ignores newlines and rejects trailing tokens")
    func standaloneExpression() {
        #expect(expr("list(string)") == "(call list string)")
        #expect(
            expr("object({\n  a = string\n  b = optional(number, 1)\n})")
                == "(call object (object (id:\"a\" string) (id:\"b\" (call optional number 1))))")
        #expect(expr("1 +\n 2") == "(+ 1 2)")
        #expect(expr("a b").hasPrefix("ERROR: Expected the end of the expression, found \"b\""))
        #expect(expr("").hasPrefix("ERROR: Expected an expression, found end of file"))
    }

    @Test("parseExpression offsets ranges by its start position")
    func expressionOffset() throws {
        let start = SourcePosition(line: 10, column: 5, byte: 200)
        let (expression, diagnostics) = HCLParser.parseExpression(Array("a +\nbb".utf8), filename: "vars.tf", start: start)
        #expect(diagnostics.isEmpty)
        let e = try #require(expression)
        #expect(e.range.file == "vars.tf")
        #expect(span(e.range) == "10:5/200-11:3/206")
        guard case .binary(_, let lhs, let rhs) = e.kind else {
            Issue.record("expected binary")
            return
        }
        #expect(span(lhs.range) == "10:5/200-10:6/201")
        #expect(span(rhs.range) == "11:1/204-11:3/206")
    }
}
