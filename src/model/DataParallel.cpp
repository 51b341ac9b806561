// DataParallelGroup: torchrun's environment, the rendezvous, bucketed gradient all-reduce and step hand-over.
#include "surrogate/model/DataParallel.h"

#include <cstdlib>
#include <map>
#include <mutex>
#include <thread>
#include <stdexcept>

#include <spdlog/spdlog.h>
#include "surrogate/support/Errors.h"
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

namespace surrogate::model {

namespace {

std::optional<std::string> env(const char *name) {
  const char *v = std::getenv(name);
  if (!v || !*v)
    return std::nullopt;
  return std::string(v);
}

long envInt(const char *name, long lo, long hi, long fallback) {
  std::optional<std::string> v = env(name);
  if (!v)
    return fallback;
  char *end = nullptr;
  long x = std::strtol(v->c_str(), &end, 10);
  if (*end != '\0' || x < lo || x > hi)
    throw support::ConfigError("environment variable " + std::string(name) + "=" + *v + ": expected an integer in [" +
                                std::to_string(lo) + ", " + std::to_string(hi) + "]");
  return x;
}

using Clock = std::chrono::steady_clock;

} // namespace

std::optional<LaunchEnvironment> LaunchEnvironment::fromEnvironment() {
  if (!env("RANK") && !env("WORLD_SIZE"))
    return std::nullopt;
  if (!env("RANK") || !env("WORLD_SIZE"))
    throw support::ConfigError("a distributed launch sets both RANK and WORLD_SIZE; only one of them is set");
  LaunchEnvironment e;
  e.worldSize = static_cast<int>(envInt("WORLD_SIZE", 1, 1 << 20, 1));
  e.rank = static_cast<int>(envInt("RANK", 0, e.worldSize - 1, 0));
  e.localRank = static_cast<int>(envInt("LOCAL_RANK", 0, 1 << 20, 0));
  e.masterAddr = env("MASTER_ADDR").value_or("127.0.0.1");
  e.masterPort = static_cast<std::uint16_t>(envInt("MASTER_PORT", 1, 65535, 29500));
  e.restartCount = static_cast<int>(envInt("TORCHELASTIC_RESTART_COUNT", 0, 1 << 20, 0));
  e.agentStore = env("TORCHELASTIC_USE_AGENT_STORE").value_or("") == "True";
  return e;
}

bool LaunchEnvironment::isWriterProcess() {
  std::optional<LaunchEnvironment> e = fromEnvironment();
  return !e || e->rank == 0;
}

struct DataParallelGroup::Impl {
  c10::intrusive_ptr<c10d::Store> store;
  c10::intrusive_ptr<c10d::ProcessGroupGloo> group;
};

namespace {

// One store connection per process for the whole launch, as torch.distributed
// keeps one: rank 0 hosts it unless torchrun's agent does. Each group formed
// on it (one per training run; a pattern trains several times) gets keys of
// its own, so successive groups never read each other's rendezvous.
struct LaunchStore {
  c10::intrusive_ptr<c10d::TCPStore> tcp;
  int groups = 0;  ///< groups formed so far
  int steps = 0;   ///< training steps handed over (or taken) so far
};

// Keyed by the rank too, so that ranks run as threads of one process (the
// unit tests) each keep their own.
LaunchStore &launchStore(const LaunchEnvironment &env) {
  static std::mutex m;
  static std::map<std::pair<std::uint16_t, int>, LaunchStore> stores;
  std::lock_guard<std::mutex> lock(m);
  return stores[{env.masterPort, env.rank}];
}

LaunchEnvironment launched() {
  std::optional<LaunchEnvironment> env = LaunchEnvironment::fromEnvironment();
  if (!env)
    throw std::logic_error("training steps are handed between ranks only under a distributed launch");
  return *env;
}

c10::intrusive_ptr<c10d::TCPStore> connect(const LaunchEnvironment &env, std::chrono::milliseconds timeout) {
  LaunchStore &s = launchStore(env);
  if (!s.tcp) {
    c10d::TCPStoreOptions opts;
    opts.port = env.masterPort;
    opts.isServer = env.rank == 0 && !env.agentStore;
    opts.numWorkers = env.agentStore ? c10::nullopt : c10::optional<std::size_t>(env.worldSize);
    opts.waitWorkers = false;
    opts.multiTenant = true;
    opts.timeout = timeout;
    spdlog::info("rank {} of {}: connecting to the launch's store at {}:{} ({})", env.rank, env.worldSize,
                 env.masterAddr, env.masterPort, opts.isServer ? "hosted here" : "client");
    s.tcp = c10::make_intrusive<c10d::TCPStore>(env.masterAddr, opts);
  }
  return s.tcp;
}

std::string attemptPrefix(const LaunchEnvironment &env) {
  return "/surrogate/attempt_" + std::to_string(env.restartCount) + "/";
}

void setStep(const std::string &value) {
  LaunchEnvironment env = launched();
  std::vector<std::uint8_t> v(value.begin(), value.end());
  connect(env, std::chrono::minutes(5))->set(attemptPrefix(env) + "step_" + std::to_string(launchStore(env).steps++), v);
}
} // namespace

void StepHandover::publish(const std::string &job) { setStep("job:" + job); }
void StepHandover::finish() {
  setStep("done");
  // Rank 0 may host the store: it stays until every other rank has read
  // that there are no more steps, so none of them loses the connection first.
  LaunchEnvironment env = launched();
  auto store = connect(env, std::chrono::minutes(5));
  std::string ack = attemptPrefix(env) + "finished";
  auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(5);
  while (store->add(ack, 0) < env.worldSize - 1 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

std::optional<std::string> DataParallelGroup::nextTrainingStep(std::chrono::seconds timeout) {
  LaunchEnvironment env = launched();
  auto store = connect(env, timeout);
  std::string key = attemptPrefix(env) + "step_" + std::to_string(launchStore(env).steps++);
  store->wait({key}, timeout);
  std::vector<std::uint8_t> v = store->get(key);
  std::string value(v.begin(), v.end());
  if (value == "done") {
    store->add(attemptPrefix(env) + "finished", 1);
    return std::nullopt;
  }
  return value.substr(4);
}

DataParallelGroup::DataParallelGroup() = default;
DataParallelGroup::~DataParallelGroup() = default;
DataParallelGroup::DataParallelGroup(DataParallelGroup &&) noexcept = default;
DataParallelGroup &DataParallelGroup::operator=(DataParallelGroup &&) noexcept = default;

DataParallelGroup::DataParallelGroup(const LaunchEnvironment &env, std::chrono::milliseconds timeout)
    : Rank(env.rank), Size(env.worldSize), RestartCount(env.restartCount), Timeout(timeout) {
  if (Size == 1)
    return;
  P = std::make_unique<Impl>();
  // Keys of an earlier attempt (torchrun restart) and of earlier groups of
  // this launch are kept apart.
  auto tcp = connect(env, timeout);
  P->store = c10::make_intrusive<c10d::PrefixStore>(
      attemptPrefix(env) + "group_" + std::to_string(launchStore(env).groups++), tcp);
  auto options = c10d::ProcessGroupGloo::Options::create(timeout);
  // GLOO_SOCKET_IFNAME picks the network interface, as in PyTorch; else the
  // address this host's name resolves to (loopback when it resolves to none).
  if (std::optional<std::string> ifname = surrogate::model::env("GLOO_SOCKET_IFNAME"))
    options->devices.push_back(c10d::ProcessGroupGloo::createDeviceForInterface(*ifname));
  else
    options->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
  options->threads = 1;
  P->group = c10::make_intrusive<c10d::ProcessGroupGloo>(P->store, Rank, Size, options);
  barrier();
  spdlog::info("rank {} of {}: group {} formed (collective timeout {} s)", Rank, Size, launchStore(env).groups - 1,
               timeout.count() / 1000.0);
}

DataParallelGroup DataParallelGroup::fromEnvironment(std::chrono::milliseconds timeout) {
  std::optional<LaunchEnvironment> e = LaunchEnvironment::fromEnvironment();
  if (!e)
    return DataParallelGroup();
  return DataParallelGroup(*e, timeout);
}

void DataParallelGroup::allReduceFlat(torch::Tensor &flat) {
  auto start = Clock::now();
  std::vector<torch::Tensor> tensors{flat};
  c10d::AllreduceOptions opts;
  opts.timeout = Timeout;
  P->group->allreduce(tensors, opts)->wait(Timeout);
  CommSeconds += std::chrono::duration<double>(Clock::now() - start).count();
}

void DataParallelGroup::allReduceGradients(const std::vector<torch::Tensor> &parameters, std::size_t bucketBytes) {
  if (!distributed())
    return;
  torch::NoGradGuard noGrad;
  // Buckets of consecutive parameters, each flattened into one tensor, so a
  // step costs a few large messages instead of one per parameter.
  std::size_t begin = 0;
  while (begin < parameters.size()) {
    std::size_t end = begin, bytes = 0;
    while (end < parameters.size() &&
           (end == begin || bytes + parameters[end].numel() * parameters[end].element_size() <= bucketBytes))
      bytes += parameters[end].numel() * parameters[end].element_size(), ++end;
    std::vector<torch::Tensor> grads;
    for (std::size_t i = begin; i < end; ++i) {
      torch::Tensor g = parameters[i].grad();
      grads.push_back(g.defined() ? g.reshape({-1}) : torch::zeros({parameters[i].numel()}, parameters[i].options()));
    }
    torch::Tensor flat = torch::cat(grads);
    allReduceFlat(flat);
    std::int64_t offset = 0;
    for (std::size_t i = begin; i < end; ++i) {
      torch::Tensor p = parameters[i];
      torch::Tensor part = flat.narrow(0, offset, p.numel()).view(p.sizes());
      if (p.grad().defined())
        p.mutable_grad().copy_(part);
      else
        p.mutable_grad() = part.clone();
      offset += p.numel();
    }
    begin = end;
  }
}

void DataParallelGroup::allReduceSum(std::vector<double> &values) {
  if (!distributed() || values.empty())
    return;
  torch::Tensor flat = torch::from_blob(values.data(), {static_cast<std::int64_t>(values.size())}, torch::kFloat64).clone();
  allReduceFlat(flat);
  std::copy(flat.data_ptr<double>(), flat.data_ptr<double>() + values.size(), values.begin());
}

double DataParallelGroup::allReduceSum(double value) {
  std::vector<double> v{value};
  allReduceSum(v);
  return v[0];
}

void DataParallelGroup::broadcastFromWriter(const std::vector<torch::Tensor> &tensors) {
  if (!distributed())
    return;
  torch::NoGradGuard noGrad;
  auto start = Clock::now();
  for (const torch::Tensor &t : tensors) {
    std::vector<torch::Tensor> one{t.data()};
    c10d::BroadcastOptions opts;
    opts.rootRank = 0;
    opts.timeout = Timeout;
    P->group->broadcast(one, opts)->wait(Timeout);
  }
  CommSeconds += std::chrono::duration<double>(Clock::now() - start).count();
}

void DataParallelGroup::barrier() {
  if (!distributed())
    return;
  auto start = Clock::now();
  c10d::BarrierOptions opts;
  opts.timeout = Timeout;
  P->group->barrier(opts)->wait(Timeout);
  CommSeconds += std::chrono::duration<double>(Clock::now() - start).count();
}

} // namespace surrogate::model
