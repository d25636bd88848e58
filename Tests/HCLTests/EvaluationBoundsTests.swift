import Foundation
import Model
import Testing

@testable import HCL

/// Evaluation stops at its deadline and refuses results that would only exhaust memory.
@Suite struct EvaluationBoundsTests {
    static func expression(_ source: String) throws -> HCL.Expression {
        let (parsed, diagnostics) = HCLParser.parseExpression(Array(source.utf8), filename: "bounds.tf")
        #expect(diagnostics.isEmpty)
        return try #require(parsed)
    }

    static func failure(_ source: String, _ ctx: EvalContext) throws -> Diagnostic? {
        let e = try expression(source)
        do {
            _ = try Evaluator.evaluate(e, in: ctx)
            return nil
        } catch {
            return error
        }
    }

    static var expired: EvalContext {
        var ctx = EvalContext()
        ctx.deadline = EvaluationDeadline(at: .now - .seconds(1))
        return ctx
    }

    @Test func forExpressionStopsAtAPastDeadline() throws {
        var ctx = Self.expired
        ctx.variables["xs"] = .tuple((0..<10).map { .number(Double($0)) })
        let error = try #require(try Self.failure("[for x in xs : x * 2]", ctx))
        #expect(error.code == .deadlineExceeded)
        #expect(error.message.contains("for expression"))
    }

    @Test func functionCallStopsAtAPastDeadline() throws {
        let error = try #require(try Self.failure("upper(\"a\")", Self.expired))
        #expect(error.code == .deadlineExceeded)
    }

    @Test func templateForDirectiveStopsWhenCancelled() throws {
        let deadline = EvaluationDeadline()
        deadline.cancel()
        var ctx = EvalContext()
        ctx.deadline = deadline
        ctx.variables["xs"] = .tuple([.string("a"), .string("b")])
        let error = try #require(try Self.failure("\"%{for x in xs}${x}%{endfor}\"", ctx))
        #expect(error.code == .deadlineExceeded)
        #expect(error.message.contains("cancelled"))
    }

    /// `try` and `can` catch evaluation errors, but a stopped evaluation is not one: it must not turn into the
    /// fallback value (or `false`) and let the loop that called it carry on.
    @Test func tryAndCanDoNotSwallowTheDeadline() throws {
        var ctx = Self.expired
        ctx.variables["xs"] = .tuple([.number(1)])
        #expect(try Self.failure("try([for x in xs : x], \"fallback\")", ctx)?.code == .deadlineExceeded)
        #expect(try Self.failure("can([for x in xs : x])", ctx)?.code == .deadlineExceeded)
    }

    @Test func noDeadlineEvaluatesAsBefore() throws {
        var ctx = EvalContext()
        ctx.deadline = EvaluationDeadline(after: .seconds(3600))
        ctx.variables["xs"] = .tuple([.number(1), .number(2)])
        #expect(try Evaluator.evaluate(try Self.expression("[for x in xs : x * 2]"), in: ctx) == .tuple([.number(2), .number(4)]))
    }

    /// `format("%0999999999d", 1)` allocated a gigabyte of zeros; Go's fmt refuses widths above a million.
    @Test func formatRefusesHugeWidths() throws {
        let error = try #require(try Self.failure("format(\"%0999999999d\", 1)", EvalContext()))
        #expect(error.code == .function)
        #expect(error.message.contains("larger than 1000000"))
        let precision = try #require(try Self.failure("format(\"%.2000000f\", 1)", EvalContext()))
        #expect(precision.message.contains("larger than 1000000"))
        #expect(try Evaluator.evaluate(try Self.expression("format(\"%05d\", 42)"), in: EvalContext()) == .string("00042"))
    }

    /// A chain of locals that doubles a string reaches any size in a few dozen steps; past the limit the
    /// template or function call is an error rather than an allocation.
    @Test func stringResultsAreBounded() throws {
        var ctx = EvalContext()
        ctx.variables["big"] = .string(String(repeating: "a", count: (Evaluator.maxStringBytes / 2) + 1))
        let template = try #require(try Self.failure("\"${big}${big}\"", ctx))
        #expect(template.code == .limitExceeded)
        let joined = try #require(try Self.failure("join(\"\", [big, big])", ctx))
        #expect(joined.code == .function)
        #expect(joined.message.contains("more than the limit"))
        let reversed = try #require(try Self.failure("strrev(join(\"\", [big, big]))", ctx))
        #expect(reversed.message.contains("more than the limit"))
    }
}

/// `setproduct` multiplies its arguments' lengths; past a million combinations it is an error, not an allocation.
@Suite struct SetProductBoundTests {
    @Test func hugeProductsAreRefused() throws {
        let error = try #require(
            try EvaluationBoundsTests.failure("setproduct(range(1000), range(1000), range(1000))", EvalContext()))
        #expect(error.code == .function)
        #expect(error.message.contains("more than 1000000 elements"))
        let small = try Evaluator.evaluate(try EvaluationBoundsTests.expression("length(setproduct([1, 2], [3, 4, 5]))"), in: EvalContext())
        #expect(small == .number(6))
    }
}
