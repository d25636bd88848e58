#ifndef BULWARK_CGITSHIM_H
#define BULWARK_CGITSHIM_H

#include <git2.h>
#include <git2/sys/stream.h>

/// Sets the CA bundle file and/or directory for HTTPS (git_libgit2_opts is variadic, so Swift cannot call it).
int bulwark_git_set_ssl_cert_locations(const char *file, const char *path);

/// A socket stream whose first fields mirror libgit2's internal `git_socket_stream`:
/// libgit2's SSH transport reads the descriptor `s` straight out of the registered standard stream.
typedef struct bulwark_socket_stream {
    git_stream parent;
    char *host;
    char *port;
    int s;
    void *context;
} bulwark_socket_stream;

#endif
