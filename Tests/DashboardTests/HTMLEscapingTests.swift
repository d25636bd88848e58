import Testing

@testable import Dashboard

@Suite("Escaping and form fields")
struct HTMLEscapingTests {
    @Test("hostile text from Terraform becomes inert text")
    func escapesHostileText() {
        let hostile = "aws_s3_bucket.x\"><script>alert('x')</script>&amp;"
        let escaped = HTML.escape(hostile)
        #expect(escaped == "aws_s3_bucket.x&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;")
        #expect(!escaped.contains("<") && !escaped.contains("\"") && !escaped.contains("'"))
    }

    @Test("plain text is unchanged; controls and non-characters are replaced")
    func plainAndControls() {
        #expect(HTML.escape("aws_s3_bucket.logs[0] — ok\tline\n") == "aws_s3_bucket.logs[0] — ok\tline\n")
        #expect(HTML.escape("a\u{0}b\u{1B}c\u{FFFF}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
    }

    @Test("a target name is one percent-encoded path segment")
    func targetPath() {
        #expect(HTML.targetPath("prod") == "/targets/prod")
        #expect(HTML.targetPath("prod#live") == "/targets/prod%23live")
        #expect(HTML.targetPath("../x?y=\"z\"") == "/targets/..%2Fx%3Fy%3D%22z%22")
        #expect(HTML.targetPath("javascript:alert(1)").hasPrefix("/targets/javascript%3A"))
    }

    @Test("form fields decode + as space and %2B as plus; a bad escape keeps its text")
    func formFields() {
        let fields = FormFields("q=a+b%2Bc&empty=&flag&bad=%zz&q=second")
        #expect(fields["q"] == "a b+c")
        #expect(fields["empty"] == "")
        #expect(fields["flag"] == "")
        #expect(fields["bad"] == "%zz")
        #expect(fields["missing"] == nil)
        #expect(fields.nonEmpty("empty") == nil)
        #expect(fields.nonEmpty("q") == "a b+c")
    }
}
