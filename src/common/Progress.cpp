#include "common/Progress.h"

#include "common/Error.h"

namespace salesops {

void CancelToken::throwIfCancelled() const {
  if (cancelled()) throw Error(ErrorKind::Cancelled, "cancelled by the user; nothing was changed");
}

}  // namespace salesops
