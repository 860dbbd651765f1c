#include <gtest/gtest.h>

#include <limits>
#include <map>

#include "common/Error.h"
#include "io/NativeExport.h"
#include "io/NativeImport.h"
#include "storage/ImportBatches.h"
#include "storage/ImportJournalRow.h"
#include "storage/MappingProfileStore.h"
#include "support/TempDir.h"

namespace salesops {
namespace {

namespace fs = std::filesystem;
using testing::readFile;
using testing::TempDir;
using testing::writeFile;

const std::string kFx = "currency,valid_from,rate\nEUR,2024-01-01,1.1\n";
const std::string kReps =
    "rep_id,name,email,team,manager_id,role,start_date,end_date\n"
    "R1,Ann,ann@x.com,East,R2,ae,2024-01-01,\n"
    "R2,Bob,bob@x.com,East,,manager,2023-01-01,\n";
const std::string kAccounts = "account_id,name,employees,annual_revenue,owner_rep_id\nA1,Acme,50,1000000.5,R1\n";
const std::string kOppHeader =
    "opportunity_id,account_id,owner_rep_id,name,type,stage,amount,currency,probability,created_date,close_date,"
    "forecast_category,lead_source\n";
const std::string kOpps = kOppHeader +
                          "O1,A1,R1,Deal,new_business,Prospecting,1000.50,USD,,2026-01-01,2026-03-01,pipeline,web\n"
                          "O2,A1,R2,Deal 2,renewal,Closed Won,500,EUR,100,2026-01-01,2026-02-01,closed,\n";
const std::string kSplits = "opportunity_id,rep_id,percent\nO1,R1,50\nO1,R2,50\nO2,R1,100\n";

// Every table an import may write, each row as SQL literals in id order: equal snapshots mean equal rows,
// ids and storage classes included.
using Snapshot = std::map<std::string, std::vector<std::string>>;

Snapshot snapshot(Database& db) {
  Snapshot tables;
  std::vector<std::string> names;
  auto list = db.prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE "
      "'import_%' AND name <> 'audit_log'");
  while (list.step()) names.emplace_back(list.text(0));
  for (const std::string& table : names) {
    std::string select;
    auto info = db.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid");
    info.bind(1, table);
    while (info.step())
      select += (select.empty() ? "" : " || '|' || ") + ("quote(\"" + std::string(info.text(0)) + "\")");
    auto rows = db.prepare("SELECT " + select + " FROM \"" + table + "\" ORDER BY 1");
    while (rows.step()) tables[table].emplace_back(rows.text(0));
  }
  return tables;
}

class ImportBatches : public ::testing::Test {
 protected:
  void SetUp() override { workbook = Workbook::create(dir / "book.salesops"); }

  ImportReport importFiles(const std::map<std::string, std::string>& files, ImportOptions options = {}) {
    auto folder = dir / ("in" + std::to_string(++runs));
    fs::create_directories(folder);
    for (const auto& [name, content] : files) writeFile(folder / name, content);
    return importNativeCsv(*workbook, {folder}, options);
  }
  ImportReport importBase() {
    return importFiles({{"fx_rates.csv", kFx},
                        {"reps.csv", kReps},
                        {"accounts.csv", kAccounts},
                        {"opportunities.csv", kOpps},
                        {"opportunity_splits.csv", kSplits}});
  }
  // A second import that inserts (rep R3, stage Discovery, opportunity O3 and its split), updates (R1's name,
  // O1's amount) and deletes: O1's new splits sum to 90, so with skipBadRows O1's splits are removed, the two
  // from the base import among them.
  ImportReport importChanges() {
    ImportOptions skip;
    skip.skipBadRows = true;
    return importFiles(
        {{"stages.csv", "stage,kind,probability,sort_order\nDiscovery,open,5,0\n"},
         {"reps.csv", "rep_id,name\nR1,Ann Lee\nR3,Cy\n"},
         {"opportunities.csv",
          kOppHeader + "O1,A1,R1,Deal,new_business,Prospecting,2000,USD,,2026-01-01,2026-03-01,pipeline,web\n"
                       "O3,A1,R3,Deal 3,new_business,Discovery,10,USD,,2026-01-05,2026-04-01,pipeline,\n"},
         {"opportunity_splits.csv", "opportunity_id,rep_id,percent\nO1,R1,60\nO1,R2,30\nO3,R3,100\n"}},
        skip);
  }
  std::map<std::string, std::string> exported(const std::string& name) {
    std::map<std::string, std::string> files;
    for (const ExportedFile& f : exportNativeCsv(*workbook, dir / name))
      files[f.path.filename().string()] = readFile(f.path);
    return files;
  }
  std::int64_t count(const std::string& sql) { return workbook->db().queryInt(sql); }

  TempDir dir;
  std::unique_ptr<Workbook> workbook;
  int runs = 0;
};

TEST_F(ImportBatches, UndoRestoresTheStateBeforeTheImportExactly) {
  const Snapshot empty = snapshot(workbook->db());
  const ImportReport base = importBase();
  ASSERT_TRUE(base.committed);
  EXPECT_EQ(base.batchId, 1);
  const Snapshot before = snapshot(workbook->db());
  const auto exportBefore = exported("before");

  const ImportReport changes = importChanges();
  ASSERT_TRUE(changes.committed);
  EXPECT_EQ(changes.batchId, 2);
  ASSERT_EQ(count("SELECT amount FROM opportunity WHERE external_id = 'O1'"), 200000);
  ASSERT_EQ(count("SELECT count(*) FROM opportunity_split o JOIN opportunity p ON p.id = o.opportunity_id "
                  "WHERE p.external_id = 'O1'"),
            0);

  const std::vector<ImportBatchInfo> batches = listImportBatches(workbook->db());
  ASSERT_EQ(batches.size(), 2u);
  EXPECT_EQ(batches[0].id, 2);  // newest first
  // Inserted and still there: R3, Discovery, O3, O3's split = 4 (O1's two new-value rows were updates of the
  // existing splits, later removed). Updated: R1, O1 = 2. Deleted: O1's two base splits = 2.
  EXPECT_EQ(batches[0].rowsInserted, 4);
  EXPECT_EQ(batches[0].rowsUpdated, 2);
  EXPECT_EQ(batches[0].rowsDeleted, 2);
  EXPECT_FALSE(batches[0].undone);
  EXPECT_EQ(batches[0].source.rfind("native: ", 0), 0u) << batches[0].source;
  // Base: 1 fx rate + 2 reps + 1 account + 2 opportunities + 3 splits = 9 inserts, nothing else.
  EXPECT_EQ(batches[1].rowsInserted, 9);
  EXPECT_EQ(batches[1].rowsUpdated + batches[1].rowsDeleted, 0);

  const UndoOutcome undo = undoLastImport(*workbook);
  EXPECT_EQ(undo.batch.id, 2);
  EXPECT_TRUE(undo.batch.undone);
  EXPECT_EQ(undo.rowsDeleted, 4);
  EXPECT_EQ(undo.rowsRestored, 4);
  EXPECT_EQ(snapshot(workbook->db()), before);
  EXPECT_EQ(exported("after"), exportBefore);
  EXPECT_EQ(count("SELECT count(*) FROM import_journal WHERE batch_id = 2"), 0);

  // Undo again: the previous batch, back to the new workbook (its default stages only).
  const UndoOutcome second = undoLastImport(*workbook);
  EXPECT_EQ(second.batch.id, 1);
  EXPECT_EQ(second.rowsDeleted, 9);
  EXPECT_EQ(snapshot(workbook->db()), empty);

  try {
    undoLastImport(*workbook);
    FAIL() << "a third undo has nothing to undo";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Data);
    EXPECT_NE(e.message().find("no import to undo"), std::string::npos) << e.message();
  }
  EXPECT_EQ(listImportBatches(workbook->db()).size(), 2u);
  EXPECT_FALSE(lastUndoableImport(workbook->db()).has_value());
}

TEST_F(ImportBatches, AnImportAfterAnUndoIsItsOwnBatch) {
  ASSERT_TRUE(importBase().committed);
  ASSERT_TRUE(importChanges().committed);
  undoLastImport(*workbook);
  const Snapshot afterBase = snapshot(workbook->db());
  const ImportReport again = importChanges();  // takes the ids the undone batch had freed
  EXPECT_EQ(again.batchId, 3);
  EXPECT_EQ(undoLastImport(*workbook).batch.id, 3);
  EXPECT_EQ(snapshot(workbook->db()), afterBase);
}

TEST_F(ImportBatches, RefusesWhenTheWorkbookWasChangedSince) {
  ASSERT_TRUE(importBase().committed);
  {
    Transaction edit(workbook->db());
    workbook->db().exec("UPDATE rep SET name = 'Ann B' WHERE external_id = 'R1'");
    workbook->audit("edit", "rep", "R1 name");
    edit.commit();
  }
  const Snapshot edited = snapshot(workbook->db());
  try {
    undoLastImport(*workbook);
    FAIL() << "the edit after the import must block its undo";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Data);
    EXPECT_NE(e.message().find("changed since (\"edit\" rep at "), std::string::npos) << e.message();
    EXPECT_NE(e.message().find("import batch 1"), std::string::npos) << e.message();
  }
  EXPECT_EQ(snapshot(workbook->db()), edited);
  EXPECT_TRUE(lastUndoableImport(workbook->db()).has_value());
}

TEST_F(ImportBatches, SettingsAndMappingProfilesDoNotBlockTheUndo) {
  ASSERT_TRUE(importBase().committed);
  MappingProfileStore(*workbook).save("mine", "My CRM", "{\"name\": \"My CRM\"}");
  undoLastImport(*workbook);
  EXPECT_EQ(count("SELECT count(*) FROM opportunity"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM mapping_profile"), 1);  // not part of the import
}

TEST_F(ImportBatches, DryRunsAndFailedImportsLeaveNoBatch) {
  ImportOptions dry;
  dry.dryRun = true;
  EXPECT_FALSE(importFiles({{"reps.csv", kReps}}, dry).committed);
  const ImportReport failed = importFiles({{"reps.csv", "rep_id,name\nR1,Ann\nR1,Twice\n"}});
  EXPECT_TRUE(failed.failed());
  EXPECT_EQ(failed.batchId, 0);
  EXPECT_TRUE(listImportBatches(workbook->db()).empty());
  EXPECT_EQ(count("SELECT count(*) FROM sqlite_temp_master WHERE type = 'trigger'"), 0);
}

TEST_F(ImportBatches, ACancelledUndoChangesNothing) {
  ASSERT_TRUE(importBase().committed);
  const Snapshot imported = snapshot(workbook->db());
  CancelToken cancel;
  cancel.cancel();
  LongTask task;
  task.cancel = &cancel;
  EXPECT_THROW(undoLastImport(*workbook, task), Error);
  EXPECT_EQ(snapshot(workbook->db()), imported);
  EXPECT_EQ(lastUndoableImport(workbook->db())->id, 1);
}

// The v5 golden workbook (tests/data/workbooks) holds batch 1 (R4 inserted, undone) and batch 2 (R2 moved
// from West to East, R5 inserted): its journal, written by the program, still undoes.
TEST(ImportBatchesGolden, TheV5WorkbookUndoesItsLastImport) {
  // Tests run from the repository root; __FILE__ is the fallback for a run from elsewhere.
  fs::path golden = "tests/data/workbooks/v5.salesops";
  if (!fs::exists(golden))
    golden = fs::path(__FILE__).parent_path().parent_path() / "data" / "workbooks" / golden.filename();
  TempDir dir;
  fs::copy_file(golden, dir / "v5.salesops");
  auto workbook = Workbook::open(dir / "v5.salesops");
  const auto batches = listImportBatches(workbook->db());
  ASSERT_EQ(batches.size(), 2u);
  EXPECT_TRUE(batches[1].undone);
  const UndoOutcome undo = undoLastImport(*workbook);
  EXPECT_EQ(undo.batch.id, 2);
  EXPECT_EQ(undo.rowsDeleted, 1);
  EXPECT_EQ(undo.rowsRestored, 1);
  EXPECT_EQ(workbook->db().queryInt("SELECT count(*) FROM rep WHERE external_id IN ('R4', 'R5')"), 0);
  EXPECT_EQ(workbook->db().queryInt("SELECT team = 'West' FROM rep WHERE external_id = 'R2'"), 1);
  EXPECT_THROW(undoLastImport(*workbook), Error);
}

TEST(ImportJournalRow, KeepsEveryValueExactly) {
  Database db = Database::openInMemory();
  registerJournalRowFunction(db, "pack");
  auto query = db.prepare("SELECT pack(?1, ?2, ?3, NULL, ?4, '')");
  const std::string withNul("a\0b\xc3\xa9", 5);
  query.bind(1, std::numeric_limits<std::int64_t>::min()).bind(2, 0.1).bind(3, std::string_view(withNul));
  query.bind(4, std::numeric_limits<std::int64_t>::max());
  ASSERT_TRUE(query.step());
  const std::vector<JournalValue> values = unpackJournalRow(query.text(0));
  ASSERT_EQ(values.size(), 6u);
  EXPECT_EQ(values[0].kind, JournalValue::Kind::Integer);
  EXPECT_EQ(values[0].integer, std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(values[1].kind, JournalValue::Kind::Real);
  EXPECT_EQ(values[1].real, 0.1);  // bit for bit, not via text
  EXPECT_EQ(values[2].text, withNul);
  EXPECT_EQ(values[3].kind, JournalValue::Kind::Null);
  EXPECT_EQ(values[4].integer, std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(values[4].kind, JournalValue::Kind::Integer);
  EXPECT_EQ(values[5].kind, JournalValue::Kind::Text);  // empty text stays text, not NULL
  EXPECT_EQ(values[5].text, "");

  // Integers take as few bytes as hold them; the sign survives at every width.
  auto widths = db.prepare("SELECT pack(-1, 127, -128, 128, -129, 70000, -2147483649)");
  ASSERT_TRUE(widths.step());
  const std::vector<JournalValue> small = unpackJournalRow(widths.text(0));
  ASSERT_EQ(small.size(), 7u);
  const std::int64_t expected[] = {-1, 127, -128, 128, -129, 70000, -2147483649LL};
  for (std::size_t i = 0; i < 7; ++i) EXPECT_EQ(small[i].integer, expected[i]) << i;
  // 1+1 (-1) + 1+1 (127) + 1+1 (-128) + 1+2 (128) + 1+2 (-129) + 1+3 (70000) + 1+5 = 22 bytes
  EXPECT_EQ(widths.text(0).size(), 22u);
  EXPECT_THROW(unpackJournalRow(std::string_view("\x12\x02", 2)), Error);  // a 2-byte integer cut short
}

TEST_F(ImportBatches, MappingProfilesAreSavedListedReplacedAndRemoved) {
  MappingProfileStore store(*workbook);
  EXPECT_TRUE(store.list().empty());
  store.save("b", "Beta", "{\"v\": 1}");
  store.save("a", "Alpha", "{\"v\": 2}");
  store.save("b", "Beta", "{\"v\": 3}");  // same id: replaced, not added
  const auto profiles = store.list();
  ASSERT_EQ(profiles.size(), 2u);
  EXPECT_EQ(profiles[0].name, "Alpha");
  EXPECT_EQ(store.loadJson("b").value(), "{\"v\": 3}");
  EXPECT_FALSE(store.loadJson("zzz").has_value());
  EXPECT_TRUE(store.remove("a"));
  EXPECT_FALSE(store.remove("a"));
  EXPECT_EQ(store.list().size(), 1u);
  EXPECT_THROW(store.save("c", "", "{}"), Error);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action LIKE 'mapping profile%'"), 4);
}

}  // namespace
}  // namespace salesops
