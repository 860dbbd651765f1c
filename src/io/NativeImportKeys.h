#pragma once
// A compact hash map from an entity's key text to its surrogate id, used by native import to resolve
// references and detect upserts. A million opportunities would cost ~100 MB in std::unordered_map<string>;
// here keys live in one arena and slots are 24 bytes, so the same million costs ~60 MB.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace salesops::importing {

class KeyIndex {
 public:
  struct Entry {
    std::int64_t id = 0;
    std::uint32_t line = 0;  // line of the file that last wrote the key (for duplicate messages)
    std::uint16_t file = 0;  // number of that file within the run; 0 = loaded from the workbook
    std::uint8_t extra = 0;  // per-entity payload: minor digits of an opportunity, kind of a stage
    bool pending = false;    // reserved by a row waiting for a later self reference (not written yet)
  };

  // The entry for `key`, or null. Pointers are invalidated by the next insert.
  Entry* find(std::string_view key) noexcept;
  // Inserts or returns the existing entry (then `inserted` is false).
  Entry& insert(std::string_view key, std::int64_t id, bool& inserted);
  // Forgets a key (a row rejected after it was written).
  void erase(std::string_view key) noexcept;
  std::size_t size() const noexcept { return size_; }

 private:
  struct Slot {
    Entry entry;
    std::uint32_t offset = 0;  // into arena_: 4-byte length, then the key bytes
    std::uint32_t hash = 0;    // 0 = empty slot, 1 = erased (real hashes are forced >= 2)
  };
  static std::uint32_t hashOf(std::string_view key) noexcept;
  std::string_view keyAt(std::uint32_t offset) const noexcept;
  std::size_t probe(std::string_view key, std::uint32_t hash) const noexcept;
  void grow();

  std::vector<Slot> slots_;
  std::string arena_;
  std::size_t size_ = 0;
  std::size_t used_ = 0;  // live + erased slots
};

}  // namespace salesops::importing
