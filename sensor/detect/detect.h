// The detect stage's public interface, in one include for the engine.
#pragma once

#include "detect/detect_config.h"      // IWYU pragma: export
#include "detect/detect_engine.h"      // IWYU pragma: export
#include "detect/detect_stats.h"       // IWYU pragma: export
#include "detect/flow_detector.h"      // IWYU pragma: export
#include "detect/scan_stream.h"        // IWYU pragma: export
#include "detect/scratch.h"            // IWYU pragma: export
#include "detect/signature.h"          // IWYU pragma: export
#include "detect/signature_error.h"    // IWYU pragma: export
#include "detect/signature_listing.h"  // IWYU pragma: export
#include "detect/signature_set.h"      // IWYU pragma: export
#include "detect/tally.h"              // IWYU pragma: export
