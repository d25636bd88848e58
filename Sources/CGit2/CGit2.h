// libgit2 1.5 (Debian's libgit2-dev): the public API plus the stream registry used for deadline-aware sockets.
#include <git2.h>
#include <git2/sys/stream.h>
