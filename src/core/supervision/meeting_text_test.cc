// Dispatch meetings, the pure parts: which rows a proposed agenda lists and in what order, how
// many days overdue they are, and the minutes text with its Chinese headings.
#include "core/supervision/meeting_text.h"

#include <gtest/gtest.h>

namespace keyline {
namespace {

Problem OverdueProblem(int64_t id, const char* settle_due, ProblemStatus status) {
  Problem p;
  p.id = id;
  p.project_id = 1;
  p.title = "问题" + std::to_string(id);
  p.unit_ids = {10, 11};
  p.leader_person_id = 20;
  p.settle_due = settle_due;
  p.status = status;
  return p;
}

ProjectProcedure Procedure(int64_t id, const char* authority, const char* due,
                           ProcedureStatus status) {
  ProjectProcedure p;
  p.id = id;
  p.project_id = 2;
  p.name = "施工许可";
  p.authority = authority;
  p.planned_due = due;
  p.status = status;
  return p;
}

NameBook Names() {
  NameBook names;
  names.projects = {{1, "雁塔区第四中学"}, {2, "电子六路"}};
  names.units = {{10, "区教育局"}, {11, "区住建局"}};
  names.people = {{20, "王副区长"}, {21, "李主任"}};
  return names;
}

TEST(MeetingAgendaTest, ListsRedProjectsThenOverdueProblemsThenProceduresByAuthority) {
  std::vector<RedProject> red = {{2, "投资完成率低于序时进度20个百分点"}};
  std::vector<Problem> problems = {
      OverdueProblem(1, "2026-10-15", ProblemStatus::kDeployed),  // 5 days
      OverdueProblem(2, "2026-10-01", ProblemStatus::kOpen),      // 19 days
      OverdueProblem(3, "2026-10-19", ProblemStatus::kSolved),    // solved: not on the agenda
      OverdueProblem(4, "2026-10-20", ProblemStatus::kOpen),      // due today: not overdue
  };
  Problem planned = OverdueProblem(5, "2026-10-01", ProblemStatus::kPlanned);
  planned.plan_date = "2026-12-31";  // planned with a later date: not overdue
  problems.push_back(planned);
  std::vector<ProjectProcedure> procedures = {
      Procedure(7, "住建局", "2026-10-10", ProcedureStatus::kInProgress),
      Procedure(8, "自然资源局", "2026-09-30", ProcedureStatus::kNotStarted),
      Procedure(9, "住建局", "2026-09-01", ProcedureStatus::kNotStarted),
      Procedure(10, "住建局", "2026-09-01", ProcedureStatus::kDone),        // done
      Procedure(11, "住建局", "2026-10-20", ProcedureStatus::kNotStarted),  // due today
  };
  auto items = ProposeAgendaItems("2026-10-20", red, problems, procedures, Names());
  ASSERT_EQ(items.size(), 6u);
  EXPECT_EQ(items[0].kind, AgendaKind::kRedProject);
  EXPECT_EQ(items[0].source_id, 2);
  EXPECT_EQ(items[0].project_name, "电子六路");
  EXPECT_EQ(items[0].title, "投资完成率低于序时进度20个百分点");
  EXPECT_EQ(items[1].kind, AgendaKind::kOverdueProblem);
  EXPECT_EQ(items[1].source_id, 2) << "most days overdue first";
  EXPECT_EQ(items[1].days_overdue, 19);
  EXPECT_EQ(items[1].units, "区教育局、区住建局");
  EXPECT_EQ(items[1].leader, "王副区长");
  EXPECT_EQ(items[2].source_id, 1);
  EXPECT_EQ(items[2].days_overdue, 5);
  EXPECT_EQ(items[2].due, "2026-10-15");
  // Procedures by authority (code point order), then due date.
  EXPECT_EQ(items[3].kind, AgendaKind::kOverdueProcedure);
  EXPECT_EQ(items[3].source_id, 9);
  EXPECT_EQ(items[3].days_overdue, 49);
  EXPECT_EQ(items[4].source_id, 7);
  EXPECT_EQ(items[5].source_id, 8);
  EXPECT_EQ(items[5].authority, "自然资源局");
}

TEST(MeetingAgendaTest, EmptyWhenNothingIsOverdue) {
  EXPECT_TRUE(ProposeAgendaItems("2026-10-20", {}, {}, {}, Names()).empty());
}

TEST(MeetingMinutesTest, HeadingsAgendaAndDecisionsWithOwnersAndDeadlines) {
  DispatchMeeting m;
  m.title = "十月重点项目调度会";
  m.held_on = "2026-10-20";
  m.location = "区政府三楼会议室";
  m.chair_person_id = 20;
  m.attendee_person_ids = {21};
  m.attendee_unit_ids = {10, 11};
  m.notes = "下次会议11月中旬召开";
  MeetingDecision problem;
  problem.kind = DecisionKind::kProblem;
  problem.project_id = 1;
  problem.text = "三户未拆迁，限期签订协议";
  problem.owner_unit_id = 10;
  problem.owner_person_id = 20;
  problem.due = "2026-10-29";
  problem.problem_id = 12;
  MeetingDecision task = problem;
  task.kind = DecisionKind::kTask;
  task.text = "完成施工许可";
  task.owner_unit_id.reset();
  task.owner_person_id = 21;
  task.due = "2026-11-30";
  task.problem_id.reset();
  task.milestone_id = 5;
  MeetingDecision note;
  note.text = "各单位按周报送进展";
  m.decisions = {problem, task, note};
  std::vector<AgendaItem> agenda = ProposeAgendaItems(
      "2026-10-20", {}, {OverdueProblem(1, "2026-10-15", ProblemStatus::kOpen)},
      {Procedure(7, "住建局", "2026-10-10", ProcedureStatus::kInProgress)}, Names());
  std::string text = RenderMinutes(m, agenda, Names());
  EXPECT_EQ(
      text,
      "会议名称：十月重点项目调度会\n"
      "时间：2026年10月20日\n"
      "地点：区政府三楼会议室\n"
      "主持：王副区长\n"
      "参会：李主任；区教育局、区住建局\n"
      "\n议题：\n"
      "1. 【逾期问题】雁塔区第四中学：问题1（责任单位：区教育局、区住建局；包抓领导：王副区长；"
      "期限：2026-10-15，已逾期5天）\n"
      "2. 【逾期手续】电子六路：施工许可（审批部门：住建局；期限：2026-10-10，已逾期10天）\n"
      "\n议定事项：\n"
      "1. 【问题】雁塔区第四中学：三户未拆迁，限期签订协议（责任单位：区教育局；责任人：王副区长；"
      "完成时限：2026年10月29日）〔已列入问题台账，编号12〕\n"
      "2. 【任务】雁塔区第四中学：完成施工许可（责任人：李主任；完成时限：2026年11月30日）"
      "〔已列入挂图作战，任务编号5〕\n"
      "3. 【事项】各单位按周报送进展\n"
      "\n备注：下次会议11月中旬召开\n");
}

TEST(MeetingMinutesTest, EmptyMeetingSaysNone) {
  DispatchMeeting m;
  m.title = "调度会";
  m.held_on = "2026-01-05";
  std::string text = RenderMinutes(m, {}, NameBook{});
  EXPECT_NE(text.find("时间：2026年1月5日\n地点：—\n主持：—\n参会：—\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("议题：\n（无）\n"), std::string::npos);
  EXPECT_NE(text.find("议定事项：\n（无）\n"), std::string::npos);
  EXPECT_EQ(text.find("备注"), std::string::npos);
}

// A cause shared word for word by several red projects is one agenda item naming them
// all; a project's own causes are one item for that project; nothing is listed twice.
TEST(MeetingAgendaTest, GroupsRedProjectsByTheirSharedCause) {
  const std::string missing = "2026年11月月报应于 2026-12-07 前报送，截至 2026-12-08 仍未报送";
  NameBook names = Names();
  names.projects[3] = "西安荟聚";
  std::vector<RedProject> red = {
      {1,
       missing + "；投资完成率低于序时进度20个百分点",
       {missing, "投资完成率低于序时进度20个百分点"}},
      {2, missing, {missing}},
      {3, missing, {missing}},
      {4, "资金支付率 30%", {}},  // no causes given: its reason is its one cause
  };
  names.projects[4] = "网络安全产业园";
  auto items = ProposeAgendaItems("2026-12-08", red, {}, {}, names);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].kind, AgendaKind::kRedProject);
  EXPECT_EQ(items[0].project_id, 0);
  EXPECT_EQ(items[0].title, missing + "（共3个项目）");
  EXPECT_EQ(items[0].project_name, "雁塔区第四中学、电子六路、西安荟聚");
  EXPECT_EQ(items[1].project_id, 1);
  EXPECT_EQ(items[1].title, "投资完成率低于序时进度20个百分点");
  EXPECT_EQ(items[2].project_id, 4);
  EXPECT_EQ(items[2].title, "资金支付率 30%");
  // The minutes name the cause first, then the projects.
  DispatchMeeting m;
  m.title = "调度会";
  m.held_on = "2026-12-08";
  std::string text = RenderMinutes(m, items, names);
  EXPECT_NE(
      text.find("1. 【红灯项目】" + missing + "（共3个项目）：雁塔区第四中学、电子六路、西安荟聚"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("2. 【红灯项目】雁塔区第四中学：投资完成率低于序时进度20个百分点"),
            std::string::npos)
      << text;
}

}  // namespace
}  // namespace keyline
