"""What a training run is made of: the data, the model and the optimizer; the training tab's state in the URL."""

from __future__ import annotations

import itertools
from functools import cache, cached_property

import panel as pn
import param

from softmax_explorer.components.assets import stylesheets
from softmax_explorer.components.checkbox import labelled_checkbox
from softmax_explorer.components.csv_upload import CsvUpload
from softmax_explorer.models.ames import load_ames
from softmax_explorer.models.data import Dataset
from softmax_explorer.models.drawn import drawing, with_drawn
from softmax_explorer.models.inputs import MAX_CLASSES, MAX_DRAWN, MAX_LAYERS, parse_hidden
from softmax_explorer.models.toys import TOYS, load_toy
from softmax_explorer.models.training import LOSSES, Config

TOY_NAMES = tuple(TOYS)
WITH_CLASSES = ("blobs", "spiral", "drawn")  # the data sets whose number of classes is a setting
LEARNING_RATES = (0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 100.0)
BATCH_SIZES = (0, 8, 16, 32, 64, 128, 256)  # 0: the whole training set at once (full batch)
WEIGHT_DECAYS = (0.0, 0.0001, 0.001, 0.01, 0.1)
# What makes a new model and optimizer when it changes (the data's settings make a new data set).
MODEL_PARAMS = (
    "model",
    "hidden",
    "activation",
    "optimizer",
    "lr",
    "batch_size",
    "weight_decay",
    "seed",
    "loss",
)
LOSS_NAMES = {"Cross-entropy": "cross_entropy", "Squared error (MSELoss on softmax)": "squared_error"}


@cache
def ames(standardize: bool) -> Dataset:
    """The Ames houses, read once per process (a Dataset is immutable, so sessions can share it)."""
    return load_ames(standardize=standardize)


def class_count(dataset: str, classes: int, csv: Dataset | None = None) -> int:
    """How many classes the data set called ``dataset`` has, with ``classes`` set (and ``csv`` loaded)."""
    if dataset == "csv" and csv:
        return len(csv.class_names)
    if dataset in WITH_CLASSES:
        return classes
    return 2 if dataset in TOY_NAMES else 3


class PlaygroundConfig(pn.viewable.Viewer):
    """The data set, the network and the optimizer, with the controls that set them."""

    dataset = param.Selector(
        default="ames",
        objects=["ames", *TOY_NAMES, "drawn"],
        doc="ames, a toy set, drawn (a fresh drawing: only the points drawn on the map), or csv.",
    )
    points = param.Integer(default=300, bounds=(50, 2000), doc="Toy sets: how many points.")
    noise = param.Number(default=0.1, bounds=(0, 2), step=0.01, doc="Toy sets: how noisy.")
    classes = param.Integer(
        default=3, bounds=(2, MAX_CLASSES), doc="Blobs, spiral and a drawing: how many classes."
    )
    data_seed = param.Integer(default=0, bounds=(0, 10**6), label="Data seed")
    standardize = param.Boolean(default=True, label="Standardise the inputs (mean 0, std 1)")
    model = param.Selector(default="logreg", objects=["logreg", "mlp"])
    hidden = param.List(default=[100], item_type=int, bounds=(1, MAX_LAYERS), doc="MLP: hidden layer widths.")
    activation = param.Selector(default="relu", objects=["relu", "tanh", "sigmoid", "none"])
    optimizer = param.Selector(default="sgd", objects=["sgd", "momentum", "adam"])
    lr = param.Selector(default=0.1, objects=list(LEARNING_RATES), label="Learning rate")
    batch_size = param.Selector(default=0, objects=list(BATCH_SIZES), label="Batch size")
    weight_decay = param.Selector(default=0.0, objects=list(WEIGHT_DECAYS), label="Weight decay (L2)")
    seed = param.Integer(default=42, bounds=(0, 10**6), label="Seed (initial weights, batch order)")
    loss = param.Selector(
        default="cross_entropy",
        objects=list(LOSSES),
        doc="cross_entropy, or squared_error: nn.MSELoss() between the softmax probabilities and one-hot targets.",
    )
    csv = param.ClassSelector(class_=Dataset, default=None, doc="The last CSV loaded, if any.")
    drawn = param.List(
        default=[],
        item_type=tuple,
        bounds=(0, MAX_DRAWN),
        doc="Points drawn on the map after the data's own: (i, j, class), i and j on models.drawn's drawing grid.",
    )
    message = param.String(default="", doc="Why the last hidden-layer text was not applied.")

    def __init__(self, **params):
        super().__init__(**params)
        self.upload = CsvUpload()
        self.upload.param.watch(self._csv_loaded, "dataset")
        # First (watchers run by precedence, then in order) and silently: the others then see one change, not two.
        self.param.watch(self._forget_drawn, ["dataset", "classes", "csv"])

    def _forget_drawn(self, *_) -> None:  # one event a parameter changed (a CSV load changes two)
        """Points drawn belong to the data and the classes they were drawn for: another choice starts afresh."""
        with param.discard_events(self):
            self.drawn = []

    def _csv_loaded(self, event) -> None:
        if "csv" not in self.param.dataset.objects:
            self.param.dataset.objects = [*self.param.dataset.objects, "csv"]
        self.param.update(csv=event.new, dataset="csv")

    def build_dataset(self) -> Dataset:
        """The data set the parameters describe, with the points drawn (ValueError if they do not make one)."""
        base = self._base()
        return with_drawn(base, self.drawn) if self.drawn else base

    def _base(self) -> Dataset:
        """The data set the points are drawn on."""
        if self.dataset == "ames":
            return ames(self.standardize)
        if self.dataset == "drawn":
            return drawing(self.classes)
        if self.dataset == "csv":
            if self.csv is None:
                raise ValueError("load a CSV file first")
            return self.csv
        extra = {"classes": self.classes} if self.dataset in WITH_CLASSES else {}
        return load_toy(self.dataset, n=self.points, noise=self.noise, seed=self.data_seed, **extra)

    def class_count(self) -> int:
        """How many classes the data set has (without loading it)."""
        return class_count(self.dataset, self.classes, self.csv)

    def build_config(self) -> Config:
        """The models.training.Config for the network and optimizer the parameters describe."""
        return Config(
            hidden=tuple(self.hidden) if self.model == "mlp" else (),
            activation=self.activation,
            optimizer=self.optimizer,
            lr=float(self.lr),
            batch_size=self.batch_size or None,
            weight_decay=float(self.weight_decay),
            seed=self.seed,
            loss=self.loss,
        )

    def describe_model(self, k: int) -> str:
        """The network in the course's code: nn.Linear(2, 3), or nn.Sequential(...)."""
        if self.model == "logreg":
            return f"nn.Linear(2, {k})"
        activation = {"relu": "nn.ReLU()", "tanh": "nn.Tanh()", "sigmoid": "nn.Sigmoid()", "none": None}[
            self.activation
        ]
        sizes = [2, *self.hidden, k]
        layers = []
        for i, (a, b) in enumerate(itertools.pairwise(sizes)):
            layers.append(f"nn.Linear({a}, {b})")
            if activation and i < len(sizes) - 2:
                layers.append(activation)
        return f"nn.Sequential({', '.join(layers)})"

    # --- controls ------------------------------------------------------------------------------------------
    def __panel__(self):
        return self._layout

    @cached_property
    def _layout(self):  # built when first shown, then kept
        return self._build_controls()

    def _build_controls(self):
        w = pn.widgets
        names = {
            "ames": "Ames houses (price class by location)",
            "blobs": "Toy: blobs",
            "moons": "Toy: moons",
            "circles": "Toy: circles",
            "spiral": "Toy: spiral",
            "xor": "Toy: xor",
            "drawn": "Your drawing (click on the map)",
            "csv": "Your data (from the notebook)"
            if self.csv and self.csv.source.get("notebook")
            else "Your CSV file",
        }
        dataset = w.Select(
            name="Data",
            options={names[o]: o for o in self.param.dataset.objects},
            value=self.dataset,
            sizing_mode="stretch_width",
        )
        dataset.link(self, value="dataset", bidirectional=True)
        self.param.watch(
            lambda e: setattr(dataset, "options", {names[o]: o for o in e.new}), "dataset", what="objects"
        )
        fill = {"sizing_mode": "stretch_width"}
        toy = pn.Column(
            w.IntSlider.from_param(self.param.points, step=50, **fill),
            w.FloatSlider.from_param(self.param.noise, **fill),
            w.IntSlider.from_param(self.param.classes, **fill),
            w.IntInput.from_param(self.param.data_seed, **fill),
            **fill,
        )
        standardize = labelled_checkbox(self, "standardize")

        def show_data_controls(*_):
            toy.visible = self.dataset in (*TOY_NAMES, "drawn")
            # A drawing has no points, noise or seed to set: only its classes.
            for control in toy.objects[:2] + toy.objects[3:]:
                control.visible = self.dataset != "drawn"
            toy[2].visible = self.dataset in WITH_CLASSES
            standardize.visible = self.dataset == "ames"

        self.param.watch(show_data_controls, "dataset")
        show_data_controls()

        model = w.RadioButtonGroup(
            name="Model",
            options={"Logistic regression": "logreg", "MLP (hidden layers)": "mlp"},
            value=self.model,
            button_type="primary",
            button_style="outline",
        )
        model.link(self, value="model", bidirectional=True)
        hidden = w.TextInput(
            name="Hidden layer widths (press Enter)", value=", ".join(map(str, self.hidden)), **fill
        )

        def set_hidden(event):
            try:
                self.param.update(hidden=parse_hidden(event.new), message="")
            except ValueError as error:
                self.message = f"Hidden layers not changed: {error}."

        hidden.param.watch(set_hidden, "value")
        self.param.watch(lambda e: setattr(hidden, "value", ", ".join(map(str, e.new))), "hidden")
        mlp = pn.Column(
            hidden,
            w.Select.from_param(self.param.activation, **fill),
            sizing_mode="stretch_width",
            visible=self.model == "mlp",
        )
        self.param.watch(lambda e: setattr(mlp, "visible", e.new == "mlp"), "model")
        code = pn.pane.HTML(stylesheets=stylesheets("training"), sizing_mode="stretch_width")

        def show_code(*_):
            code.object = (
                f"<code class='se-model-code'>model = {self.describe_model(self.class_count())}</code>"
            )

        self.param.watch(show_code, ["model", "hidden", "activation", "dataset", "classes", "csv"])
        show_code()
        optimizer = w.Select(
            name="Optimizer",
            options={"SGD": "sgd", "SGD with momentum 0.9": "momentum", "Adam": "adam"},
            value=self.optimizer,
            **fill,
        )
        optimizer.link(self, value="optimizer", bidirectional=True)
        batch = w.Select(
            name="Batch size",
            options={("full batch" if b == 0 else str(b)): b for b in BATCH_SIZES},
            value=self.batch_size,
            **fill,
        )
        batch.link(self, value="batch_size", bidirectional=True)
        loss = w.RadioButtonGroup(
            name="Loss", options=LOSS_NAMES, value=self.loss, button_type="primary", button_style="outline"
        )
        loss.link(self, value="loss", bidirectional=True)
        return pn.Column(
            pn.pane.HTML("<h3 class='se-heading'>Data</h3>", stylesheets=stylesheets("training")),
            dataset,
            toy,
            standardize,
            self.upload,
            pn.pane.HTML("<h3 class='se-heading'>Model</h3>", stylesheets=stylesheets("training")),
            model,
            mlp,
            code,
            pn.pane.HTML("<h3 class='se-heading'>Optimizer</h3>", stylesheets=stylesheets("training")),
            pn.Row(optimizer, w.Select.from_param(self.param.lr, **fill), **fill),
            pn.Row(batch, w.Select.from_param(self.param.weight_decay, **fill), **fill),
            w.IntInput.from_param(self.param.seed, **fill),
            pn.pane.HTML("<h3 class='se-heading'>Loss</h3>", stylesheets=stylesheets("training")),
            loss,
            sizing_mode="stretch_width",
        )
