// zlib for the Anomaly layer (CloudTrail objects are gzip JSON). Debian: zlib1g-dev.
#include <zlib.h>
