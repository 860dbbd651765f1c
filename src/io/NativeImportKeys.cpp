#include "io/NativeImportKeys.h"

#include <cstring>
#include <stdexcept>

namespace salesops::importing {

std::uint32_t KeyIndex::hashOf(std::string_view key) noexcept {
  // FNV-1a folded to 32 bits; keys are short ids, so speed matters more than distribution quality.
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : key) {
    h ^= c;
    h *= 1099511628211ull;
  }
  auto folded = static_cast<std::uint32_t>(h ^ (h >> 32));
  return folded < 2 ? folded + 2 : folded;
}

std::string_view KeyIndex::keyAt(std::uint32_t offset) const noexcept {
  std::uint32_t length = 0;
  std::memcpy(&length, arena_.data() + offset, sizeof length);
  return {arena_.data() + offset + sizeof length, length};
}

std::size_t KeyIndex::probe(std::string_view key, std::uint32_t hash) const noexcept {
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = hash & mask;
  std::size_t firstErased = SIZE_MAX;
  for (;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.hash == 0) return firstErased != SIZE_MAX ? firstErased : i;
    if (s.hash == 1) {
      if (firstErased == SIZE_MAX) firstErased = i;
    } else if (s.hash == hash && keyAt(s.offset) == key) {
      return i;
    }
  }
}

KeyIndex::Entry* KeyIndex::find(std::string_view key) noexcept {
  if (slots_.empty()) return nullptr;
  const std::uint32_t hash = hashOf(key);
  Slot& s = slots_[probe(key, hash)];
  return s.hash == hash && keyAt(s.offset) == key ? &s.entry : nullptr;
}

KeyIndex::Entry& KeyIndex::insert(std::string_view key, std::int64_t id, bool& inserted) {
  if ((used_ + 1) * 10 >= slots_.size() * 7) grow();
  const std::uint32_t hash = hashOf(key);
  Slot& s = slots_[probe(key, hash)];
  if (s.hash == hash && keyAt(s.offset) == key) {
    inserted = false;
    return s.entry;
  }
  if (arena_.size() + key.size() + 4 > UINT32_MAX) throw std::length_error("import keys exceed 4 GB");
  if (s.hash == 0) ++used_;
  s.offset = static_cast<std::uint32_t>(arena_.size());
  auto length = static_cast<std::uint32_t>(key.size());
  arena_.append(reinterpret_cast<const char*>(&length), sizeof length);
  arena_.append(key);
  s.hash = hash;
  s.entry = Entry{id};
  ++size_;
  inserted = true;
  return s.entry;
}

void KeyIndex::erase(std::string_view key) noexcept {
  if (slots_.empty()) return;
  const std::uint32_t hash = hashOf(key);
  Slot& s = slots_[probe(key, hash)];
  if (s.hash == hash && keyAt(s.offset) == key) {
    s.hash = 1;  // a tombstone keeps later keys of the same probe chain reachable
    --size_;
  }
}

void KeyIndex::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
  used_ = size_;
  for (const Slot& s : old) {
    if (s.hash < 2) continue;
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = s.hash & mask;
    while (slots_[i].hash != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

}  // namespace salesops::importing
