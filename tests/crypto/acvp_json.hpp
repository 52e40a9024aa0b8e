#pragma once
// Test-only extraction of ACVP vector sets (tests/vectors/prf-kdf/acvp/):
// just enough JSON to list each test case's string fields together with its
// test group's fields. Not a JSON parser: it relies on ACVP's shape (test
// cases are the innermost objects, holding only strings and numbers, and a
// group's own fields come before its "tests" array).
#include <cstddef>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

namespace tlswire::test::acvp {

using fields = std::map<std::string, std::string>;

// "key": "value" and "key": number pairs of one flat object's text.
inline fields flat_fields(const std::string& text) {
  fields out;
  std::size_t pos = 0;
  while ((pos = text.find('"', pos)) != std::string::npos) {
    const std::size_t key_end = text.find('"', pos + 1);
    if (key_end == std::string::npos) break;
    const std::string key = text.substr(pos + 1, key_end - pos - 1);
    std::size_t v = text.find_first_not_of(" \t\r\n", key_end + 1);
    if (v == std::string::npos || text[v] != ':') {
      pos = key_end + 1;
      continue;
    }
    v = text.find_first_not_of(" \t\r\n", v + 1);
    if (v == std::string::npos) break;
    if (text[v] == '"') {
      const std::size_t end = text.find('"', v + 1);
      out[key] = text.substr(v + 1, end - v - 1);
      pos = end + 1;
    } else {
      const std::size_t end = text.find_first_of(",}\r\n", v);
      out[key] = text.substr(v, end - v);
      pos = end;
    }
  }
  return out;
}

// Every innermost object of the file (a test case), merged with the fields
// of the group that encloses it (`group_keys`, taken from the text before it).
inline std::vector<fields> test_cases(const std::string& path,
                                      const std::vector<std::string>& group_keys) {
  std::ifstream in(path, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<fields> out;
  std::size_t open = std::string::npos;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      open = i;
    } else if (text[i] == '}' && open != std::string::npos) {
      fields f = flat_fields(text.substr(open, i - open + 1));
      const std::string before = text.substr(0, open);
      for (const std::string& k : group_keys) {
        const std::size_t at = before.rfind("\"" + k + "\"");
        if (at != std::string::npos) {
          const fields g = flat_fields(before.substr(at, before.find_first_of(",\n", at) - at));
          if (g.count(k)) f[k] = g.at(k);
        }
      }
      out.push_back(f);
      open = std::string::npos;
    }
  }
  return out;
}

// Test cases by tcId.
inline std::map<std::string, fields> by_id(const std::vector<fields>& cases) {
  std::map<std::string, fields> out;
  for (const fields& f : cases)
    if (f.count("tcId")) out[f.at("tcId")] = f;
  return out;
}

}  // namespace tlswire::test::acvp
