using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Approvals;

/// <summary>
/// The assist-and-proxy joint service group (帮办代办联合服务组, Art. 23) of KEDZ or one county: its lead unit (the
/// group leader), the member departments, and each department's proxies (user accounts of that department).
/// </summary>
public sealed class ServiceGroup : AggregateRoot, IAudited
{
    /// <summary>An account name (ASP.NET Core Identity's column size).</summary>
    public const int UserNameMaxLength = 256;

    private readonly List<ServiceGroupMember> _members = [];
    private readonly List<ServiceGroupProxy> _proxies = [];

    private ServiceGroup() { }

    /// <param name="groupUnitId">The group's own unit (type ServiceGroup); its accounts act as the group leader.</param>
    /// <param name="hostUnitId">KEDZ or the county the group serves.</param>
    /// <param name="leadUnitId">The lead unit (牵头单位).</param>
    public ServiceGroup(int groupUnitId, int hostUnitId, int leadUnitId, IEnumerable<int> memberDepartmentIds)
    {
        GroupUnitId = groupUnitId;
        HostUnitId = hostUnitId;
        LeadUnitId = leadUnitId;
        foreach (var id in memberDepartmentIds.Distinct()) _members.Add(new ServiceGroupMember(id));
    }

    public int GroupUnitId { get; private set; }
    public int HostUnitId { get; private set; }
    public int LeadUnitId { get; private set; }
    public IReadOnlyList<ServiceGroupMember> Members => _members;
    public IReadOnlyList<ServiceGroupProxy> Proxies => _proxies;

    public bool HasMember(int departmentUnitId) => _members.Any(m => m.DepartmentUnitId == departmentUnitId);

    public bool IsProxy(string userName, int departmentUnitId) =>
        _proxies.Any(p => p.DepartmentUnitId == departmentUnitId && string.Equals(p.UserName, userName, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<string> ProxiesOf(int departmentUnitId) => _proxies.Where(p => p.DepartmentUnitId == departmentUnitId).Select(p => p.UserName);

    public void SetLead(int leadUnitId) => LeadUnitId = leadUnitId;

    public void AddMember(int departmentUnitId)
    {
        if (!HasMember(departmentUnitId)) _members.Add(new ServiceGroupMember(departmentUnitId));
    }

    /// <summary>Removes a department and its proxies from the group.</summary>
    public void RemoveMember(int departmentUnitId)
    {
        _members.RemoveAll(m => m.DepartmentUnitId == departmentUnitId);
        _proxies.RemoveAll(p => p.DepartmentUnitId == departmentUnitId);
    }

    /// <summary>Names a proxy for a member department (the department's own account).</summary>
    public void NameProxy(string userName, int departmentUnitId)
    {
        if (string.IsNullOrWhiteSpace(userName)) throw new DomainRuleException("Approvals.ProxyRequired");
        TextRules.Ensure(userName, UserNameMaxLength);
        if (!HasMember(departmentUnitId)) throw new DomainRuleException("Approvals.DepartmentNotInGroup");
        if (!IsProxy(userName, departmentUnitId)) _proxies.Add(new ServiceGroupProxy(userName.Trim(), departmentUnitId));
    }

    public void RemoveProxy(string userName, int departmentUnitId) =>
        _proxies.RemoveAll(p => p.DepartmentUnitId == departmentUnitId && string.Equals(p.UserName, userName, StringComparison.OrdinalIgnoreCase));
}

public sealed class ServiceGroupMember : Entity, IAudited
{
    private ServiceGroupMember() { }

    internal ServiceGroupMember(int departmentUnitId) { DepartmentUnitId = departmentUnitId; }

    public int ServiceGroupId { get; private set; }
    public int DepartmentUnitId { get; private set; }
}

public sealed class ServiceGroupProxy : Entity, IAudited
{
    private ServiceGroupProxy() { UserName = string.Empty; }

    internal ServiceGroupProxy(string userName, int departmentUnitId)
    {
        UserName = userName;
        DepartmentUnitId = departmentUnitId;
    }

    public int ServiceGroupId { get; private set; }
    public string UserName { get; private set; }
    public int DepartmentUnitId { get; private set; }
}
