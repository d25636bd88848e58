// Every file of this test target sees the shared fixtures (GitRemoteFixture, PostgresTestServer, …) without its
// own import, as when they lived in this target.
@_exported import TestSupport
