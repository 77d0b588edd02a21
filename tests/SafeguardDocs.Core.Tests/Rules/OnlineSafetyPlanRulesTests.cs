using SafeguardDocs.Core.Cases.OnlineSafetyPlan;
using SafeguardDocs.Core.Naming;
using R = SafeguardDocs.Core.Cases.OnlineSafetyPlan.OnlineSafetyPlanRules;
using V = SafeguardDocs.Core.Cases.OnlineSafetyPlan.OnlineSafetyPlanValues;

namespace SafeguardDocs.Core.Tests.Rules;

/// <summary>Seed 004 (the plan, SEND messages, where to get help) and seed 003 §3: each rule broken once, from the good sample.</summary>
public sealed class OnlineSafetyPlanRulesTests
{
    private static readonly OnlineSafetyPlanCase Good = CaseFiles.Sample<OnlineSafetyPlanCase>("online-safety-plan.json");

    private static OnlineSafetyPlanCase NotSend => Good with { Child = Good.Child! with { Send = false, Ehcp = false } };

    [Fact]
    public void The_sample_plan_has_no_findings() => CaseFiles.Check(Good).ShouldBeEmpty();

    [Fact]
    public void The_file_is_named_by_reference_and_the_childs_initials() =>
        OutputNaming.FileStem(Good.Reference!, OutputNaming.Initials(OnlineSafetyPlanKind.Kind.InitialsOf!(Good))).ShouldBe("OSP-2026-0012_LH");

    [Fact]
    public void Reference_is_required() =>
        CaseFiles.Check(Good with { Reference = "" }).ShouldReport(R.ReferenceRequired, "$.reference");

    [Fact]
    public void Reference_with_path_characters_is_refused() =>
        CaseFiles.Check(Good with { Reference = "OSP\\Leo" }).ShouldReport(R.ReferenceUnsafe, "$.reference", "Leo");

    [Fact]
    public void Setting_is_required()
    {
        CaseFiles.Check(Good with { Setting = null }).ShouldReport(R.SettingNameRequired, "$.setting.name");
        CaseFiles.Check(Good with { Setting = new PlanSetting { Name = " " } }).ShouldReport(R.SettingNameRequired, "$.setting.name");
    }

    [Fact]
    public void Child_name_date_of_birth_and_year_group_are_required()
    {
        var findings = CaseFiles.Check(Good with { Child = new PlanChild() });
        findings.ShouldReport(R.ChildNameRequired, "$.child.name");
        findings.ShouldReport(R.ChildDateOfBirthRequired, "$.child.dateOfBirth");
        findings.ShouldReport(R.YearGroupRequired, "$.child.yearGroup");
    }

    [Fact]
    public void A_date_of_birth_in_the_future_is_an_error() =>
        CaseFiles.Check(Good with { Child = Good.Child! with { DateOfBirth = new DateOnly(2027, 3, 4) } })
            .ShouldReport(R.ChildDateOfBirthInFuture, "$.child.dateOfBirth", "2027", "4 March");

    [Theory]
    [InlineData(-3)]
    [InlineData(14)]
    public void Year_group_is_nursery_to_year_13(int yearGroup) =>
        CaseFiles.Check(Good with { Child = Good.Child! with { YearGroup = yearGroup } }).ShouldReport(R.YearGroupOutOfRange, "$.child.yearGroup");

    [Theory]
    [InlineData(-2, "Nursery (N1)")]
    [InlineData(-1, "Nursery (N2)")]
    [InlineData(0, "Reception")]
    public void A_nursery_child_has_a_plan_too(int yearGroup, string printed)
    {
        CaseFiles.Check(Good with { Child = Good.Child! with { YearGroup = yearGroup } }).ShouldBeEmpty();
        V.YearGroupLabel(yearGroup).ShouldBe(printed);
    }

    [Fact]
    public void A_parent_who_declines_to_sign_is_recorded_without_pretending_the_plan_was_not_shared()
    {
        var declined = Good with
        {
            Signatories = [new PlanSignatory { Role = V.Child, Name = "Leo Hartley" }, new PlanSignatory { Role = V.Parent, Name = "Natalie Hartley", Declined = true }],
        };
        CaseFiles.Check(declined).ShouldBeEmpty();
    }

    [Fact]
    public void A_shared_plan_without_a_parent_signatory_is_a_warning_not_an_error()
    {
        R.ParentSignatoryRequiredWhenShared.Severity.ShouldBe(SafeguardDocs.Core.Diagnostics.Severity.Warning);
        CaseFiles.Check(Good with { Signatories = [new PlanSignatory { Role = V.Practitioner, Name = "Grace Oyelaran" }] })
            .ShouldReport(R.ParentSignatoryRequiredWhenShared, "$.signatories");
    }

    [Fact]
    public void A_plan_not_shared_for_a_recorded_reason_has_no_warning()
    {
        var notShared = Good with { SharedWithParents = false, NotSharedReason = "Sharing would put the child at risk: advice from children's social care." };
        CaseFiles.Check(notShared).ShouldNotReport(R.NotSharedWithParents);
        CaseFiles.Check(Good with { NotSharedReason = "x" }).ShouldReport(R.NotSharedReasonButShared, "$.notSharedReason");
    }

    [Fact]
    public void An_ehcp_child_has_online_safety_in_their_ehcp_targets() =>
        CaseFiles.Check(Good with { EhcpTargets = null }).ShouldReport(R.EhcpTargetsMissing, "$.ehcpTargets");

    [Fact]
    public void A_looked_after_childs_plan_names_the_carer_and_the_social_worker_who_signs()
    {
        var lookedAfter = Good with { Child = Good.Child! with { LookedAfter = true } };
        CaseFiles.Check(lookedAfter).ShouldReport(R.LookedAfterWithoutSocialWorker, "$.signatories");
        CaseFiles.Check(lookedAfter with
        {
            Signatories = [new PlanSignatory { Role = V.Carer, Name = "Joan Price" }, new PlanSignatory { Role = V.SocialWorker, Name = "Dev Patel" }],
        }).ShouldBeEmpty();
    }

    [Fact]
    public void Lead_practitioner_is_required()
    {
        CaseFiles.Check(Good with { LeadPractitioner = null }).ShouldReport(R.LeadPractitionerNameRequired, "$.leadPractitioner.name");
        CaseFiles.Check(Good with { LeadPractitioner = Good.LeadPractitioner! with { Name = "" } })
            .ShouldReport(R.LeadPractitionerNameRequired, "$.leadPractitioner.name");
    }

    [Fact]
    public void Lead_practitioner_without_a_role_is_a_warning() =>
        CaseFiles.Check(Good with { LeadPractitioner = Good.LeadPractitioner! with { Role = null } })
            .ShouldReport(R.LeadPractitionerRoleMissing, "$.leadPractitioner.role");

    [Fact]
    public void Start_and_review_dates_are_required()
    {
        var findings = CaseFiles.Check(Good with { StartDate = null, ReviewDate = null });
        findings.ShouldReport(R.StartDateRequired, "$.startDate");
        findings.ShouldReport(R.ReviewDateRequired, "$.reviewDate");
    }

    [Fact]
    public void Review_comes_after_the_start()
    {
        CaseFiles.Check(Good with { ReviewDate = Good.StartDate }).ShouldReport(R.ReviewNotAfterStart, "$.reviewDate");
        CaseFiles.Check(Good with { ReviewDate = new DateOnly(2026, 10, 1) }).ShouldReport(R.ReviewNotAfterStart, "$.reviewDate", "2026-10-01");
    }

    [Fact]
    public void Review_more_than_six_months_after_the_start_is_a_warning()
    {
        CaseFiles.Check(Good with { ReviewDate = new DateOnly(2027, 5, 11) }).ShouldReport(R.ReviewTooFar, "$.reviewDate");
        CaseFiles.Check(Good with { ReviewDate = new DateOnly(2027, 5, 10) }).ShouldNotReport(R.ReviewTooFar);
    }

    [Fact]
    public void At_least_one_concern_is_required() =>
        CaseFiles.Check(Good with { Concerns = [] }).ShouldReport(R.ConcernsRequired, "$.concerns");

    [Theory]
    [InlineData(null)]
    [InlineData("grooming")]
    [InlineData("Contact")]
    public void Concern_category_is_content_contact_conduct_or_commerce(string? category) =>
        CaseFiles.Check(Good with { Concerns = [Good.Concerns![0], Good.Concerns[1]! with { Category = category }] })
            .ShouldReport(R.ConcernCategoryNotAllowed, "$.concerns[1].category", "grooming");

    [Fact]
    public void Every_category_of_risk_is_accepted()
    {
        foreach (var category in V.ConcernCategories)
        {
            CaseFiles.Check(Good with { Concerns = [new PlanConcern { Category = category, Description = "d" }] }).ShouldBeEmpty();
        }
    }

    [Fact]
    public void Concern_needs_a_description() =>
        CaseFiles.Check(Good with { Concerns = [new PlanConcern { Category = V.Commerce }] })
            .ShouldReport(R.ConcernDescriptionRequired, "$.concerns[0].description");

    [Fact]
    public void At_least_one_strategy_at_school_is_required()
    {
        CaseFiles.Check(Good with { Strategies = Good.Strategies! with { AtSchool = [] } }).ShouldReport(R.SchoolStrategyRequired, "$.strategies.atSchool");
        CaseFiles.Check(Good with { Strategies = Good.Strategies! with { AtSchool = ["A", " "] } }).ShouldReport(R.SchoolStrategyRequired, "$.strategies.atSchool[1]");
    }

    [Fact]
    public void At_least_one_trusted_adult_is_required() =>
        CaseFiles.Check(Good with { TrustedAdults = null }).ShouldReport(R.TrustedAdultRequired, "$.trustedAdults");

    [Fact]
    public void At_least_one_reporting_route_is_required() =>
        CaseFiles.Check(Good with { ReportingRoutes = [] }).ShouldReport(R.ReportingRouteRequired, "$.reportingRoutes");

    [Fact]
    public void A_plan_not_shared_with_parents_is_a_warning()
    {
        var notShared = Good with { SharedWithParents = false, Strategies = Good.Strategies! with { AtHome = null }, Signatories = [Good.Signatories![2]] };
        var findings = CaseFiles.Check(notShared);
        findings.ShouldReport(R.NotSharedWithParents, "$.sharedWithParents");
        findings.ShouldHaveSingleItem();
    }

    [Fact]
    public void A_shared_plan_without_a_strategy_at_home_yet_is_a_warning_not_a_refusal()
    {
        var findings = CaseFiles.Check(Good with { Strategies = Good.Strategies! with { AtHome = null } });
        findings.ShouldReport(R.HomeStrategyRequiredWhenShared, "$.strategies.atHome");
        findings.ShouldAllBe(f => f.Severity == SafeguardDocs.Core.Diagnostics.Severity.Warning);
    }

    [Fact]
    public void Shared_plan_needs_a_parent_signatory()
    {
        CaseFiles.Check(Good with { Signatories = [Good.Signatories![0], Good.Signatories[2]] })
            .ShouldReport(R.ParentSignatoryRequiredWhenShared, "$.signatories", "Natalie");
        CaseFiles.Check(Good with { Signatories = null }).ShouldReport(R.ParentSignatoryRequiredWhenShared, "$.signatories");
    }

    [Fact]
    public void A_carer_can_sign_as_the_parent() =>
        CaseFiles.Check(Good with { Signatories = [new PlanSignatory { Role = V.Carer, Name = "Sam Foster" }] }).ShouldBeEmpty();

    [Fact]
    public void Signatory_role_is_one_of_the_four() =>
        CaseFiles.Check(Good with { Signatories = [.. Good.Signatories!, new PlanSignatory { Role = "uncle", Name = "A" }] })
            .ShouldReport(R.SignatoryRoleNotAllowed, "$.signatories[3].role", "uncle");

    [Fact]
    public void Signatory_needs_a_name()
    {
        var findings = CaseFiles.Check(Good with { Signatories = [Good.Signatories![0], Good.Signatories[1]! with { Name = null }] });
        findings.ShouldReport(R.SignatoryNameRequired, "$.signatories[1].name");
        findings.ShouldReport(R.ParentSignatoryRequiredWhenShared, "$.signatories");
    }

    [Fact]
    public void Send_is_known_from_send_or_an_ehcp()
    {
        OnlineSafetyPlanFacts.IsSend(Good).ShouldBeTrue();
        OnlineSafetyPlanFacts.IsSend(Good with { Child = Good.Child! with { Send = null } }).ShouldBeTrue();
        OnlineSafetyPlanFacts.IsSend(NotSend).ShouldBeFalse();
        OnlineSafetyPlanFacts.IsSend(Good with { Child = null }).ShouldBeFalse();
    }

    [Fact]
    public void The_childs_page_has_my_rules_people_and_ways_to_tell()
    {
        var items = OnlineSafetyPlanFacts.ChildPageItems(Good with { MyRules = ["I play games in the living room", " "] });
        items.Select(i => i.Section).Distinct().ShouldBe([OnlineSafetyPlanFacts.MyRules, OnlineSafetyPlanFacts.PeopleICanTell, OnlineSafetyPlanFacts.HowICanTell]);
        items.Select(i => i.Path).ShouldContain("$.myRules[0]");
        items.Select(i => i.Path).ShouldNotContain("$.myRules[1]");
        items.Select(i => i.Path).ShouldContain("$.reportingRoutes[2]");
        items.Count.ShouldBe(7);
    }

    [Fact]
    public void Without_my_rules_the_childs_page_has_the_plans_own_rules_for_its_concerns()
    {
        Good.MyRules.ShouldBeNull();
        var rules = OnlineSafetyPlanFacts.ChildPageItems(Good).Where(i => i.Section == OnlineSafetyPlanFacts.MyRules).ToList();
        rules.ShouldBe(
        [
            new ChildPageItem(OnlineSafetyPlanFacts.MyRules, "$.myRules", "I ask my trusted adult before I share my address or photos."),
            new ChildPageItem(OnlineSafetyPlanFacts.MyRules, "$.concerns[0]", "I only chat online with people I know from home or school."),
            new ChildPageItem(OnlineSafetyPlanFacts.MyRules, "$.concerns[1]", "I stop playing online when my trusted adult tells me to stop."),
        ]);

        // Blank rules are no rules: the plan's own are used.
        OnlineSafetyPlanFacts.ChildPageItems(Good with { MyRules = [" ", ""] })
            .Where(i => i.Section == OnlineSafetyPlanFacts.MyRules).ShouldBe(rules);

        // The child's own rules replace the plan's, not add to them.
        OnlineSafetyPlanFacts.ChildPageItems(Good with { MyRules = ["I play games in the living room"] })
            .Where(i => i.Section == OnlineSafetyPlanFacts.MyRules).Select(i => i.Path).ShouldBe(["$.myRules[0]"]);
    }

    [Fact]
    public void The_plans_own_rules_follow_the_areas_of_risk_in_order_and_point_at_the_first_concern_in_each()
    {
        var c = Good with
        {
            Concerns =
            [
                new PlanConcern { Category = V.Commerce, Description = "x" },
                new PlanConcern { Category = V.Content, Description = "x" },
                null,
                new PlanConcern { Category = V.Commerce, Description = "x" },
                new PlanConcern { Category = "gaming", Description = "x" },
            ],
        };
        OnlineSafetyPlanFacts.DefaultRules(c).Select(i => i.Path).ShouldBe(["$.myRules", "$.concerns[1]", "$.concerns[0]"]);
        OnlineSafetyPlanFacts.DefaultRules(Good with { Concerns = null }).Select(i => i.Path).ShouldBe(["$.myRules"]);
    }

    [Fact]
    public void The_plans_own_rules_are_short_literal_and_first_person_so_they_pass_the_send_rules()
    {
        var everyConcern = Good with
        {
            MyRules = null,
            Concerns = [.. V.ConcernCategories.Select(c => new PlanConcern { Category = c, Description = "Plays online games." })],
        };
        var rules = OnlineSafetyPlanFacts.DefaultRules(everyConcern);
        rules.Count.ShouldBe(5);
        rules.Select(r => r.Text).ShouldBeUnique();
        foreach (var rule in rules)
        {
            rule.Text.ShouldStartWith("I");
            OnlineSafetyPlanFacts.WordCount(rule.Text).ShouldBeLessThanOrEqualTo(OnlineSafetyPlanFacts.SendMaxWords, rule.Text);
            OnlineSafetyPlanFacts.UsesAbstractWord(rule.Text).ShouldBeFalse(rule.Text);
        }

        var findings = CaseFiles.Check(everyConcern);
        findings.ShouldNotReport(R.SendChildPageItemTooLong);
        findings.ShouldNotReport(R.SendChildPageItemAbstract);
    }

    [Fact]
    public void Long_items_on_a_send_childs_page_are_warned_one_by_one()
    {
        const string Long = "When someone I have only met in a game asks me where I live I do not answer";
        var findings = CaseFiles.Check(Good with { MyRules = ["I give my tablet to Mum at 8 o'clock", Long] });
        findings.ShouldReport(R.SendChildPageItemTooLong, "$.myRules[1]", "tablet", "game");
        findings.Where(f => f.Id == R.SendChildPageItemTooLong.Id).ShouldHaveSingleItem();
        CaseFiles.Check(NotSend with { MyRules = [Long] }).ShouldNotReport(R.SendChildPageItemTooLong);
    }

    [Fact]
    public void Twelve_words_is_short_enough()
    {
        const string Twelve = "I only accept friend requests from people Mum has said are OK";
        OnlineSafetyPlanFacts.WordCount(Twelve).ShouldBe(12);
        CaseFiles.Check(Good with { MyRules = [Twelve] }).ShouldNotReport(R.SendChildPageItemTooLong);
    }

    [Fact]
    public void Abstract_words_on_a_send_childs_page_are_a_warning()
    {
        CaseFiles.Check(Good with { ReportingRoutes = ["Tell Mum about strangers"] }).ShouldReport(R.SendChildPageItemAbstract, "$.reportingRoutes[0]", "strangers");
        CaseFiles.Check(Good with { MyRules = ["Online predators are bad"] }).ShouldReport(R.SendChildPageItemAbstract, "$.myRules[0]");
        CaseFiles.Check(NotSend with { MyRules = ["Online predators are bad"] }).ShouldNotReport(R.SendChildPageItemAbstract);
    }

    [Fact]
    public void Every_rule_has_an_id_a_seed_source_and_advice()
    {
        var rules = new R().Rules;
        rules.Select(r => r.Id).ShouldBeUnique();
        rules.ShouldAllBe(r => r.Id.StartsWith("OSP", StringComparison.Ordinal));
        rules.ShouldAllBe(r => r.Source.StartsWith("004_22b96a695a5ea6e4.txt", StringComparison.Ordinal) || r.Source.StartsWith("003_59bb45b12fa933fb.txt", StringComparison.Ordinal));
        rules.ShouldAllBe(r => r.Message.EndsWith('.'));
        typeof(R).GetFields().Count(f => f.FieldType == typeof(SafeguardDocs.Core.Rules.Rule)).ShouldBe(rules.Count);
    }

    [Fact]
    public void No_message_quotes_the_childs_details()
    {
        var broken = Good with
        {
            Child = Good.Child! with { DateOfBirth = new DateOnly(2031, 1, 1), YearGroup = 42 },
            Concerns = [new PlanConcern { Category = "gaming", Description = "Leo talks to adults" }],
            TrustedAdults = ["Mrs Oyelaran the stranger"],
            MyRules = ["Leo will never talk to any online predator in any game he plays at home ever"],
            Signatories = [new PlanSignatory { Role = "grandad", Name = "Natalie Hartley" }],
        };
        var text = string.Join('\n', CaseFiles.Check(broken).Select(f => f.ToString()));
        foreach (var value in new[] { "Leo", "Hartley", "Oyelaran", "2031", "42", "gaming", "grandad", "Natalie" })
        {
            text.ShouldNotContain(value);
        }
    }
}
