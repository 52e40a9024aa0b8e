#pragma once
// wire/: the bottom layer — bytes, errors, results, reader, writer, vectors.
#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/codec.hpp"
#include "tlswire/wire/error.hpp"
#include "tlswire/wire/reader.hpp"
#include "tlswire/wire/result.hpp"
#include "tlswire/wire/vector.hpp"
#include "tlswire/wire/writer.hpp"
