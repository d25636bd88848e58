import Foundation
import Testing

@testable import AWS

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The hand-written reader against the documents AWS answers with, and against Foundation's parser as a reference.
@Suite struct XMLReaderTests {
    static let documents = [
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
          <Owner><ID>abc</ID><DisplayName>web&amp;ops</DisplayName></Owner>
          <Buckets><Bucket><Name>a</Name><CreationDate>2026-01-01T00:00:00.000Z</CreationDate></Bucket>
          <Bucket><Name>b</Name></Bucket></Buckets>
        </ListAllMyBucketsResult>
        """,
        """
        <DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r-1</requestId>
        <reservationSet><item><instancesSet><item><instanceId>i-1</instanceId><tagSet><item><key>Name</key>
        <value>a &lt;b&gt; &quot;c&quot; &apos;d&apos; &#233; &#x1F600;</value></item></tagSet></item></instancesSet></item>
        </reservationSet></DescribeInstancesResponse>
        """,
        """
        <AccessControlPolicy><AccessControlList><Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
        xsi:type="Group"><URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee>\
        <Permission>READ</Permission></Grant></AccessControlList></AccessControlPolicy>
        """,
        "<R><!-- note --><A>x<![CDATA[<not a tag> & ]]>y</A><B/><C a='1' b=\"2\" /></R>",
        "<R>  head <A>1</A> middle <A>2</A> tail </R>",
    ]

    @Test(arguments: documents) func sameTreeAsFoundationsParser(document: String) throws {
        let data = Data(document.utf8)
        let ours = try AWS.XMLNode.parse(data)
        let reference = try #require(ReferenceTree.parse(data))
        #expect(ours == reference)
    }

    @Test func readsNamespacedNamesAttributesEntitiesAndCDATA() throws {
        let root = try AWS.XMLNode.parse(Data(Self.documents[2].utf8))
        let grantee = try #require(root.node("AccessControlList/Grant/Grantee"))
        #expect(grantee.attributes["xsi:type"] == "Group")
        let mixed = try AWS.XMLNode.parse(Data(Self.documents[3].utf8))
        #expect(mixed.string("A") == "x<not a tag> & y")
        #expect(mixed.child("C")?.attributes == ["a": "1", "b": "2"])
        let tags = try AWS.XMLNode.parse(Data(Self.documents[1].utf8))
        #expect(tags.first(named: "value")?.text == "a <b> \"c\" 'd' é 😀")
    }

    @Test(arguments: [
        ("<R><A></B></R>", "end tag 'B' does not match start tag 'A'", 1),
        ("<R>\n<A>x</A>\n<B>", "the document ends inside element 'B'", 3),
        ("<!DOCTYPE r [<!ENTITY a \"aaaa\">]><r>&a;</r>", "document type declarations are not accepted", 1),
        ("<r>&a;</r>", "undefined entity '&a;'", 1),
        ("<r>&#0;</r>", "'&#0;' is not a character", 1),
        ("<r/><r/>", "content after the root element", 1),
        ("junk<r/>", "content before the root element", 1),
        ("", "the document has no root element", 1),
        ("<r a=1/>", "the value of attribute 'a' is not quoted", 1),
        ("<r a='1' a='2'/>", "attribute 'a' appears twice", 1),
        ("<r a='1'b='2'/>", "attributes must be separated by whitespace", 1),
        ("<r><!-- open", "the document ends inside a comment", 1),
        ("<r a='<'/>", "'<' in the value of attribute 'a'", 1),
    ])
    func malformedDocumentsAreErrorsWithAPosition(document: String, message: String, line: Int) {
        #expect {
            try AWS.XMLNode.parse(Data(document.utf8))
        } throws: { error in
            guard let error = error as? AWS.XMLNode.ParseError else { return false }
            return error.message == message && error.line == line && error.column >= 1
        }
    }

    @Test func errorsNameTheColumn() {
        #expect {
            try AWS.XMLNode.parse(Data("<R>\n  <A></B>".utf8))
        } throws: { error in
            (error as? AWS.XMLNode.ParseError).map { $0.line == 2 && $0.column == 6 } ?? false
        }
    }

    @Test func depthIsBounded() throws {
        let deep = String(repeating: "<a>", count: 65) + String(repeating: "</a>", count: 65)
        #expect(throws: AWS.XMLNode.ParseError.self) { try AWS.XMLNode.parse(Data(deep.utf8)) }
        let allowed = String(repeating: "<a>", count: 64) + String(repeating: "</a>", count: 64)
        #expect(try AWS.XMLNode.parse(Data(allowed.utf8)).name == "a")
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        let root = try AWS.XMLNode.parse(Data([0xEF, 0xBB, 0xBF] + Array("<R><A>1</A></R>".utf8)))
        #expect(root.string("A") == "1")
    }
}

/// Foundation's `XMLParser` building the same tree shape, as the reference the reader is compared with.
private final class ReferenceTree: NSObject, XMLParserDelegate {
    var stack: [AWS.XMLNode] = []
    var texts: [String] = []
    var root: AWS.XMLNode?

    static func parse(_ data: Data) -> AWS.XMLNode? {
        let tree = ReferenceTree()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.delegate = tree
        return parser.parse() ? tree.root : nil
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
        stack.append(AWS.XMLNode(name: local, attributes: attributeDict))
        texts.append("")
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if !texts.isEmpty { texts[texts.count - 1] += string }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if !texts.isEmpty { texts[texts.count - 1] += String(decoding: CDATABlock, as: UTF8.self) }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard var node = stack.popLast(), let text = texts.popLast() else { return }
        node.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if stack.isEmpty { root = node } else { stack[stack.count - 1].children.append(node) }
    }
}
